//! Plan text made safe to show: the one place where data text becomes display
//! text, for plain text and terminals, Markdown, HTML and error lines.
//!
//! Plan files come from anywhere, so their text may hold terminal escapes, bidi
//! overrides or markup. Every renderer and every error message passes data text
//! through these functions; nothing else writes data text out.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters of a value shown in an error line, at most.
pub(crate) const ERROR_VALUE_CHARS: usize = 80;

/// `text` with every character that could steer a terminal or change how a line
/// reads shown as a visible `\u{…}` escape: control characters (C0 including
/// newline and tab, DEL, C1), bidirectional controls, zero-width characters and
/// the noncharacters XML refuses. Other text is unchanged: an ESC reads as the six
/// characters `\u{1b}`.
pub(crate) fn plain(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `http://` or `https://` followed by a host, with no whitespace anywhere.
pub(crate) fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            !host.is_empty()
                && host.contains('.')
                && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// `url` when it may be written as a link target: an [`http` URL](is_http_url)
/// with none of the characters that end a Markdown `<…>` destination or an HTML
/// attribute. Other URLs are shown as text, not linked.
#[cfg(feature = "render")]
pub(crate) fn link_target(url: &str) -> Option<&str> {
    (is_http_url(url)
        && !url
            .chars()
            .any(|c| matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\') || is_hidden(c)))
    .then_some(url)
}

/// Characters that steer a terminal, or reorder, hide or join text.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fffe}'
                | '\u{ffff}'
        )
}

/// `text` as one bounded line for an error message: [`plain`], cut to
/// [`ERROR_VALUE_CHARS`] characters with an ellipsis.
pub(crate) fn bounded(text: &str) -> String {
    bounded_to(text, ERROR_VALUE_CHARS)
}

/// [`bounded`] with another length.
pub(crate) fn bounded_to(text: &str, chars: usize) -> String {
    let shown = plain(text);
    if shown.chars().count() <= chars {
        return shown.into_owned();
    }
    let mut cut: String = shown.chars().take(chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(feature = "render")]
/// Line breaks and tabs as spaces, for formats where they carry no meaning.
fn spaced(text: &str) -> Cow<'_, str> {
    if text.contains(['\n', '\r', '\t']) {
        Cow::Owned(text.replace(['\n', '\r', '\t'], " "))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(feature = "render")]
/// `text` for Markdown prose, a list item or a table cell: line breaks as spaces,
/// runs of spaces as one (four would start a code block), [`plain`], then
/// backslash escapes wherever CommonMark or GitHub's tables would read markup: the
/// inline markers (`` \ ` * _ [ ] < > & | ~ ``) everywhere, and at the start any
/// punctuation (a heading, list, quote, rule or fence) and the `.` or `)` after
/// leading digits (an ordered list).
pub(crate) fn markdown(text: &str) -> String {
    let spaced = spaced(text);
    let shown = plain(&spaced);
    let mut out = String::with_capacity(shown.len() + 8);
    let (mut space, mut seen, mut digits) = (false, 0usize, true);
    for c in shown.chars() {
        if c == ' ' && (space || seen == 0) {
            // Spaces before the text are kept as one and do not count as its start.
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        let inline = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        );
        let at_start = seen == 0 && c.is_ascii_punctuation();
        let list_number = digits && seen > 0 && matches!(c, '.' | ')');
        if inline || at_start || list_number {
            out.push('\\');
        }
        out.push(c);
        seen += 1;
        digits &= c.is_ascii_digit();
        space = c == ' ';
    }
    out
}

#[cfg(feature = "render")]
/// `text` as a Markdown code span: line breaks as spaces, [`plain`], fenced by more backticks than it
/// holds in a row, padded where it starts or ends with a backtick. Nothing inside
/// a code span is markup.
pub(crate) fn markdown_code(text: &str) -> String {
    let spaced = spaced(text);
    let shown = plain(&spaced);
    let longest = shown.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if shown.starts_with('`') || shown.ends_with('`') || shown.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{shown}{pad}{fence}")
}

#[cfg(feature = "render")]
/// `text` for HTML content and attribute values: line breaks as spaces, [`plain`], then `& < > " '` as
/// entities. The result is well-formed XML text for any input.
pub(crate) fn html(text: &str) -> String {
    let spaced = spaced(text);
    let shown = plain(&spaced);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_zero_width_characters_are_shown_visibly() {
        assert_eq!(plain("plain text"), "plain text");
        assert_eq!(plain("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
        assert_eq!(
            plain("x\u{202e}y\u{200b}\u{9b}\u{7}"),
            "x\\u{202e}y\\u{200b}\\u{9b}\\u{7}"
        );
    }

    #[test]
    fn error_values_are_one_bounded_line() {
        assert_eq!(bounded("short"), "short");
        let long = bounded(&"x\n".repeat(100));
        assert_eq!(long.chars().count(), ERROR_VALUE_CHARS);
        assert!(long.ends_with('…') && !long.contains('\n'));
    }

    #[test]
    #[cfg(feature = "render")]
    fn markdown_escapes_every_construct() {
        assert_eq!(markdown("a | b *c* <script>"), r"a \| b \*c\* \<script\>");
        assert_eq!(markdown("    code  block"), " code block");
        assert_eq!(markdown("# title\n- item\u{1b}"), r"\# title - item\\u{1b}");
        assert_eq!(markdown("12. point, 600,000"), r"12\. point, 600,000");
        assert_eq!(markdown("--- or === [a](b)"), r"\--- or === \[a\](b)");
        assert_eq!(markdown("   # not a heading"), r" \# not a heading");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x"), "`` `x ``");
    }

    #[test]
    #[cfg(feature = "render")]
    fn html_is_escaped_and_free_of_controls() {
        assert_eq!(
            html("<b a=\"x\">&'\u{0}"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;\\u{0}"
        );
    }
}
