//! Word-level diffs of clause texts.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, ChangeTag, TextDiff};

/// Words beyond which a group's wording diff is not computed word by word: the old
/// text is shown deleted and the new inserted, keeping huge groups linear.
pub(super) const WORDING_LIMIT: usize = 20_000;

/// Whether a word was kept, inserted or deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WordTag {
    /// In both texts.
    Equal,
    /// Only in the new text.
    Insert,
    /// Only in the old text.
    Delete,
}

/// A run of words of a wording diff.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WordChange {
    /// Kept, inserted or deleted.
    pub tag: WordTag,
    /// The words, with their spacing.
    pub text: String,
}

/// The word-level diff of two texts, with runs of the same tag merged and, in each
/// changed stretch, deletions before insertions. No run is empty.
pub fn word_diff(before: &str, after: &str) -> Vec<WordChange> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(before, after);
    let changes = diff.iter_all_changes().map(|change| {
        let tag = match change.tag() {
            ChangeTag::Equal => WordTag::Equal,
            ChangeTag::Insert => WordTag::Insert,
            ChangeTag::Delete => WordTag::Delete,
        };
        WordChange {
            tag,
            text: change.value().to_owned(),
        }
    });
    normalise(changes)
}

fn normalise(changes: impl IntoIterator<Item = WordChange>) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    // Spacing between two changed words belongs to the change, so that a
    // rewritten phrase reads as one deletion and one insertion.
    let mut spacing = String::new();
    let flush = |out: &mut Vec<WordChange>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [(WordTag::Delete, deleted), (WordTag::Insert, inserted)] {
            if !text.is_empty() {
                out.push(WordChange {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    // No run is empty: the spacing before a change at the start is nothing.
    let equal = |out: &mut Vec<WordChange>, text: &str| match out.last_mut() {
        _ if text.is_empty() => {}
        Some(last) if last.tag == WordTag::Equal => last.text.push_str(text),
        _ => out.push(WordChange {
            tag: WordTag::Equal,
            text: text.to_owned(),
        }),
    };
    for change in changes {
        let changing = !deleted.is_empty() || !inserted.is_empty();
        match change.tag {
            WordTag::Delete | WordTag::Insert => {
                if changing {
                    deleted.push_str(&spacing);
                    inserted.push_str(&spacing);
                } else {
                    equal(&mut out, &spacing);
                }
                spacing.clear();
                let buffer = if change.tag == WordTag::Delete {
                    &mut deleted
                } else {
                    &mut inserted
                };
                buffer.push_str(&change.text);
            }
            WordTag::Equal if changing && change.text.trim().is_empty() => spacing.push_str(&change.text),
            WordTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                equal(&mut out, &spacing);
                spacing.clear();
                equal(&mut out, &change.text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    if !spacing.is_empty() {
        equal(&mut out, &spacing);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(before: &str, after: &str) -> Vec<(WordTag, String)> {
        word_diff(before, after)
            .into_iter()
            .map(|c| (c.tag, c.text))
            .collect()
    }

    #[test]
    fn a_rewritten_phrase_is_one_deletion_then_one_insertion() {
        use WordTag::{Delete, Equal, Insert};
        assert_eq!(
            tags("a robust guarantee for all", "a reliable firm guarantee for all"),
            [
                (Equal, "a ".into()),
                (Delete, "robust".into()),
                (Insert, "reliable firm".into()),
                (Equal, " guarantee for all".into())
            ]
        );
    }

    #[test]
    fn the_diff_rebuilds_both_texts() {
        let (before, after) = (
            "The army is capped at 600,000 troops.",
            "The armed forces are capped at 800,000 in peacetime.",
        );
        let changes = word_diff(before, after);
        let side = |skip: WordTag| {
            changes
                .iter()
                .filter(|c| c.tag != skip)
                .map(|c| c.text.as_str())
                .collect::<String>()
        };
        assert_eq!(side(WordTag::Insert), before);
        assert_eq!(side(WordTag::Delete), after);
        assert_eq!(tags(before, before), [(WordTag::Equal, before.to_owned())]);
    }

    #[test]
    fn no_run_is_empty() {
        use WordTag::{Delete, Equal, Insert};
        // A change at the very start once opened the diff with an empty kept run.
        assert_eq!(
            tags("old words stay", "new words stay"),
            [
                (Delete, "old".into()),
                (Insert, "new".into()),
                (Equal, " words stay".into())
            ]
        );
        for (before, after) in [
            ("a", "b"),
            ("", "b"),
            ("a", ""),
            ("a b", "a c"),
            (" a", "b "),
            ("", ""),
        ] {
            let changes = word_diff(before, after);
            assert!(
                changes.iter().all(|c| !c.text.is_empty()),
                "{before:?} → {after:?}: {changes:?}"
            );
        }
    }
}
