//! The structure of a plain-text or Markdown document: its front matter, its
//! headings and its numbered points, as the document gives them.

/// A point of the document: its number as written (`10a`, `IV`, none for an
/// unnumbered paragraph), its text with wrapped lines joined, and the heading it
/// stands under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Point {
    pub number: Option<String>,
    pub text: String,
    pub heading: Option<String>,
    /// The line it starts on, from 1.
    pub line: usize,
    /// Whether it is a sub-item (`a)`, a bullet) of the point above.
    pub sub_item: bool,
}

/// A document read into its parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Document {
    /// `key: value` pairs of a front matter block (between `---` lines at the top).
    pub front_matter: Vec<(String, String)>,
    /// The first heading, if any.
    pub title: Option<String>,
    pub points: Vec<Point>,
}

/// What a line opens.
enum Line<'a> {
    Blank,
    Heading(&'a str),
    /// A numbered point: its number and the rest of the line.
    Numbered(String, &'a str),
    /// A lettered sub-item (`a)`, `(b)`): its letter and the rest.
    Lettered(char, &'a str),
    Bullet(&'a str),
    Text(&'a str),
}

/// Words that may stand before a point's number.
const POINT_WORDS: [&str; 6] = ["point", "article", "art.", "section", "paragraph", "clause"];

fn classify(line: &str) -> Line<'_> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Line::Blank;
    }
    if let Some(rest) = trimmed.strip_prefix('#') {
        return Line::Heading(rest.trim_start_matches('#').trim());
    }
    // Markdown emphasis around a number (`**1.**`) does not hide it.
    let bare = trimmed.trim_start_matches(['*', '_']);
    if let Some((number, rest)) = numbered(bare) {
        let rest = rest.trim_start_matches(['*', '_']).trim_start();
        return Line::Numbered(number, rest);
    }
    if let Some((letter, rest)) = lettered(trimmed) {
        return Line::Lettered(letter, rest);
    }
    for bullet in ["- ", "* ", "• ", "– ", "+ "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Line::Bullet(rest.trim_start());
        }
    }
    if let Some(roman) = roman_heading(trimmed) {
        return Line::Heading(roman);
    }
    Line::Text(trimmed)
}

/// `1.`, `1)`, `(1)`, `1:`, `10a.`, `Point 1:`, `Article 12 -`: the number and the
/// rest of the line. A bare number must be followed by its punctuation, so that
/// a sentence opening with a figure ("600,000 troops…") is not a point.
fn numbered(line: &str) -> Option<(String, &str)> {
    let mut rest = line;
    let mut worded = false;
    for word in POINT_WORDS {
        let starts = line
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word));
        if starts && line.get(word.len()..).is_some_and(|r| r.starts_with(' ')) {
            rest = line.get(word.len()..)?.trim_start();
            worded = true;
            break;
        }
    }
    let parenthesised = rest.starts_with('(');
    let body = if parenthesised { rest.get(1..)? } else { rest };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let mut end = digits;
    // One letter right after the digits is part of the number: `10a`.
    if let Some(&b) = body.as_bytes().get(end)
        && b.is_ascii_lowercase()
        && body
            .as_bytes()
            .get(end + 1)
            .is_none_or(|c| !c.is_ascii_alphabetic())
    {
        end += 1;
    }
    let number = body.get(..end)?.to_owned();
    let after = body.get(end..)?;
    let after = if parenthesised {
        after.strip_prefix(')')?
    } else {
        after
    };
    let punctuated = [".", ")", ":", " -", " –", " —"]
        .iter()
        .find_map(|p| after.strip_prefix(p));
    match (punctuated, worded || parenthesised) {
        (Some(rest), _) => Some((number, rest.trim_start())),
        (None, true) if after.is_empty() || after.starts_with(' ') => Some((number, after.trim_start())),
        _ => None,
    }
}

/// `a)`, `(b)`, `c.` followed by text: a lettered sub-item.
fn lettered(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let (letter, rest) = if first == '(' {
        let letter = chars.next()?;
        (letter, chars.as_str().strip_prefix(')')?)
    } else {
        (first, chars.as_str().strip_prefix([')', '.'])?)
    };
    (letter.is_ascii_lowercase() && rest.starts_with(' ')).then(|| (letter, rest.trim_start()))
}

/// `IV. Security` or `II` alone: a section heading numbered in Roman numerals.
fn roman_heading(line: &str) -> Option<&str> {
    let numeral_len = line.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    if numeral_len == 0 {
        return None;
    }
    let rest = line.get(numeral_len..)?;
    let rest = rest.strip_prefix(['.', ':', ')']).unwrap_or(rest);
    (rest.is_empty() || rest.starts_with(' ')).then_some(line)
}

/// Reads `text` into its front matter, title and points.
pub(crate) fn read(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut document = Document::default();
    let mut lines = text.lines().enumerate().peekable();
    if lines.peek().is_some_and(|(_, l)| l.trim() == "---") {
        lines.next();
        for (_, line) in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
            if let Some((key, value)) = line.split_once(':') {
                document.front_matter.push((
                    key.trim().to_lowercase(),
                    value.trim().trim_matches('"').to_owned(),
                ));
            }
        }
    }
    let mut heading: Option<String> = None;
    // The number of the last top-level point, for lettered sub-items and bullets.
    let mut parent: Option<String> = None;
    let mut bullets = 0;
    let mut open = false;
    for (index, raw) in lines {
        let line = index + 1;
        let point = |number: Option<String>, text: &str, sub_item: bool| Point {
            number,
            text: text.to_owned(),
            heading: heading.clone(),
            line,
            sub_item,
        };
        match classify(raw) {
            Line::Blank => open = false,
            Line::Heading(title) => {
                if document.title.is_none() && document.points.is_empty() {
                    document.title = Some(title.to_owned());
                } else {
                    heading = Some(title.to_owned());
                }
                open = false;
            }
            Line::Numbered(number, rest) => {
                parent = Some(number.clone());
                bullets = 0;
                document.points.push(point(Some(number), rest, false));
                open = true;
            }
            Line::Lettered(letter, rest) => {
                let number = parent
                    .as_ref()
                    .map_or_else(|| letter.to_string(), |p| format!("{p}{letter}"));
                document.points.push(point(Some(number), rest, parent.is_some()));
                open = true;
            }
            Line::Bullet(rest) => {
                bullets += 1;
                let sub_item = parent.is_some();
                let number = parent.as_ref().map(|p| format!("{p}.{bullets}"));
                document.points.push(point(number, rest, sub_item));
                open = true;
            }
            Line::Text(text) => match document.points.last_mut() {
                // A line wrapped in the middle of a point continues it.
                Some(point) if open => {
                    point.text.push(' ');
                    point.text.push_str(text);
                }
                _ => {
                    document.points.push(point(None, text, false));
                    open = true;
                }
            },
        }
    }
    // A number alone on its line (`Article 10.` over its lettered items) only
    // numbers what follows it.
    document.points.retain(|point| !point.text.trim().is_empty());
    document
}

/// Where the numbering of the top-level points restarts or skips, as sentences.
pub(crate) fn numbering_notes(points: &[Point]) -> Vec<String> {
    let mut notes = Vec::new();
    let mut last: Option<u32> = None;
    for point in points.iter().filter(|p| !p.sub_item) {
        let Some(value) = point.number.as_deref().and_then(|n| {
            n.trim_end_matches(|c: char| c.is_ascii_lowercase())
                .parse::<u32>()
                .ok()
        }) else {
            continue;
        };
        match last {
            Some(before) if value <= before => {
                notes.push(format!(
                    "The numbering restarts at {value} after {before} (line {}).",
                    point.line
                ));
            }
            Some(before) if value > before + 1 => {
                notes.push(format!(
                    "The numbering skips from {before} to {value} (line {}).",
                    point.line
                ));
            }
            _ => {}
        }
        last = Some(value);
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<Option<String>> {
        read(text).points.into_iter().map(|p| p.number).collect()
    }

    #[test]
    fn numbers_in_the_styles_real_texts_use() {
        let text =
            "1. One.\n2) Two.\n(3) Three.\nPoint 4: Four.\nArticle 5 Five.\n10a. Ten a.\n**11.** Eleven.";
        let expected = ["1", "2", "3", "4", "5", "10a", "11"];
        assert_eq!(numbers(text), expected.map(|n| Some(n.to_owned())));
        let doc = read(text);
        assert_eq!(doc.points[5].text, "Ten a.");
        assert_eq!(doc.points[6].text, "Eleven.");
    }

    #[test]
    fn sub_items_wrapped_lines_headings_and_paragraphs() {
        let text = "---\nid: mine\ntitle: My plan\n---\n# A plan\nPreamble paragraph.\n\nII. Security\n1. The army is\n   capped.\n  a) first\n  (b) second\n  - a bullet\n\nClosing words.";
        let doc = read(text);
        assert_eq!(doc.front_matter[0], ("id".to_owned(), "mine".to_owned()));
        assert_eq!(doc.title.as_deref(), Some("A plan"));
        let points: Vec<(Option<&str>, &str, bool)> = doc
            .points
            .iter()
            .map(|p| (p.number.as_deref(), p.text.as_str(), p.sub_item))
            .collect();
        assert_eq!(
            points,
            [
                (None, "Preamble paragraph.", false),
                (Some("1"), "The army is capped.", false),
                (Some("1a"), "first", true),
                (Some("1b"), "second", true),
                (Some("1.1"), "a bullet", true),
                (None, "Closing words.", false),
            ]
        );
        assert_eq!(doc.points[1].heading.as_deref(), Some("II. Security"));
    }

    #[test]
    fn a_sentence_opening_with_a_figure_is_not_a_point() {
        assert_eq!(numbers("600,000 troops remain."), [None]);
        assert_eq!(numbers("2025 was the year."), [None]);
    }

    #[test]
    fn restarts_and_skips_are_kept_and_noted() {
        let doc = read("1. a\n2. b\n4. c\n1. d");
        assert_eq!(numbers("1. a\n2. b\n4. c\n1. d").len(), 4);
        let notes = numbering_notes(&doc.points);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("skips from 2 to 4"));
        assert!(notes[1].contains("restarts at 1 after 4"));
    }
}
