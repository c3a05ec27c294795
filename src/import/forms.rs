//! How the tagger reads a word whatever its inflection or spelling: `recognised`,
//! `recognizes` and `recognising` share the form `recognis`, `territories` and
//! `territory` the form `territory`. A lexicon phrase names a word once and
//! matches each of its forms, so phrases need not list inflections.
//!
//! The reading is deliberately light: British and American spellings are made
//! one, then one plural `s`, one ending (`-ing`, `-ed`) and a final `e` come off, and
//! only where enough of the word is left that the rest still names it (`need`,
//! `bring`, `its` and `was` stay as they are).

/// A word with its British and American spellings made one: `recognize` and
/// `recognise` both read `recognise`, `neighbour` and `neighbor` both `neighbor`.
pub(crate) fn spelling(word: &str) -> String {
    let mut word = word.replace("iz", "is").replace("yz", "ys");
    for (american, british) in [("defens", "defenc"), ("offens", "offenc")] {
        if let Some(rest) = word.strip_prefix(american) {
            word = format!("{british}{rest}");
        }
    }
    for (british, both) in [
        ("bour", "bor"),
        ("viour", "vior"),
        ("vour", "vor"),
        ("lour", "lor"),
    ] {
        word = word.replace(british, both);
    }
    for (british, both) in [
        ("programme", "program"),
        ("dialogue", "dialog"),
        ("centre", "center"),
    ] {
        if let Some(stem) = word.strip_prefix(british) {
            word = format!("{both}{stem}");
        }
    }
    word
}

/// Words that end like an inflection without being one, and would otherwise meet
/// another word (`united` and `unit`, `news` and `new`).
const KEPT: [&str; 2] = ["united", "news"];

/// The form a word is matched by: its spelling made one, a plural and one
/// ending taken off.
pub(crate) fn form(word: &str) -> String {
    let mut word = spelling(word);
    if KEPT.contains(&word.as_str()) {
        return word;
    }
    let long =
        |w: &str, ending: &str, left: usize| w.ends_with(ending) && w.chars().count() >= ending.len() + left;
    if long(&word, "ies", 3) || long(&word, "ied", 3) {
        word.truncate(word.len() - 3);
        word.push('y');
        return word;
    }
    if long(&word, "s", 3) && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        word.pop();
    }
    // `guaranteed` and `guarantee` meet at `guarante`, and `guaranteeing` too
    // once its `e` is gone as well.
    if long(&word, "ed", 4) {
        word.truncate(word.len() - 2);
    } else {
        if long(&word, "ing", 4) {
            word.truncate(word.len() - 3);
        }
        if long(&word, "e", 3) {
            word.pop();
        }
    }
    // `capped` and `cap`, `barred` and `bar`: a doubled last consonant is one.
    let mut tail = word.chars().rev();
    if let (Some(last), Some(before)) = (tail.next(), tail.next())
        && last == before
        && "bdgmnprt".contains(last)
        && word.chars().count() > 3
    {
        word.pop();
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_form() {
        for words in [
            &[
                "recognise",
                "recognised",
                "recognizes",
                "recognising",
                "recognized",
            ][..],
            &["territory", "territories"],
            &["guarantee", "guarantees", "guaranteed", "guaranteeing"],
            &["withdraw", "withdraws", "withdrawing"],
            &["troop", "troops"],
            &["cap", "capped", "caps"],
            &["bar", "barred"],
            &["demilitarised", "demilitarized", "demilitarise"],
            &["defence", "defense"],
            &["cease", "ceased", "ceases"],
            &["ally", "allies"],
        ] {
            let forms: Vec<String> = words.iter().map(|w| form(w)).collect();
            assert!(
                forms.iter().all(|f| *f == forms[0]),
                "{words:?} read as {forms:?}"
            );
        }
    }

    #[test]
    fn short_words_stay_as_they_are() {
        for word in [
            "its", "was", "is", "us", "status", "need", "bring", "the", "gas", "during", "united",
        ] {
            assert_eq!(form(word), spelling(word), "{word}");
        }
    }
}
