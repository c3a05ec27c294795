//! Plan text made safe to show in plain text.

use std::borrow::Cow;

/// `text` with every character that could change how a line is shown written as a
/// `\u{…}` escape instead: control characters (C0, DEL and C1), bidirectional
/// controls and zero-width characters.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that steer a terminal or reorder, hide or join text.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{061c}')
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn controls_bidi_and_zero_width_characters_are_escaped() {
        assert_eq!(printable("plain text"), "plain text");
        assert_eq!(printable("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
        assert_eq!(
            printable("x\u{202e}y\u{200b}\u{9b}"),
            "x\\u{202e}y\\u{200b}\\u{9b}"
        );
    }
}
