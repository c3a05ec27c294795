//! The tagger's lexicon: phrases that propose a subject, with the typed fields its
//! provision takes. The crate's own lexicon is data ([`Lexicon::BUILT_IN`]); a
//! user's file in the same format adds entries, and wins ties with ours.
//!
//! ```text
//! peacediff-lexicon 2
//! # A comment. Each entry is one line: a subject, the fields of its provision as
//! # JSON (`{n}` stands for the number the phrase matched, `{bn}` for it in
//! # billions), `=`, the phrases that
//! # propose it separated by `|`, and optionally `!` and phrases that rule it out.
//! military/armed-forces-cap {"stance": "capped", "cap": {n}} = armed forces ... {n} | {n} troops
//! # A modifier (`+`, one or more subjects separated by `,`) proposes nothing
//! # itself: it adds its fields to those of its subjects that other entries
//! # propose in the same sentence, so one status serves every region named.
//! +territory/crimea,territory/donetsk {"status": "russian_de_jure"} = legal recognition
//! # Words that stand for one another in every phrase of the file (`~` and the words).
//! ~ troops forces soldiers
//! ```
//!
//! In a phrase, words match words case-insensitively and in any of their
//! inflections and spellings (`recognise` matches `recognized` and `recognises`,
//! `territory` matches `territories`: see [`forms`](super::forms)), and any word
//! of a `~` line matches the others of that line; `=plant` matches only the word
//! as written (not `plants`), `sanction*` any word starting with `sanction`, `{n}` matches a number however it is written
//! (`600,000`, `600 000`, `600 thousand`, `600k`, `1.5 million`; a `$` or `€`
//! before it reads as the word `usd` or `eur` after it, so `{n} usd` matches
//! `$100bn`), a number written out matches that number however written (`50 50`
//! matches `50/50`), and `...` up to
//! twelve other words (`... ...` up to twenty-four) within one sentence: no phrase
//! runs across a full stop, `;`, `?` or `!` (a colon
//! does not end one: `Elections: within 100 days` reads as one). Where several entries of one
//! subject match, the longest phrase decides the fields (among equals, the later
//! entry), and the fields the other matching entries add without contradicting
//! it are added: `legally binding` and `peace council` together give both fields.

use super::forms;
use crate::error::Error;
use crate::model::Subject;

/// The version line every lexicon file starts with.
///
/// Version 2 matches a phrase's words in their inflections and spellings and
/// reads `~` lines of words that stand for one another; a file headed
/// [`HEADER_1`] reads the same way (its entries are valid version 2 entries, now
/// also matching inflected words).
pub const HEADER: &str = "peacediff-lexicon 2";

/// The version line of the first format, still read.
pub const HEADER_1: &str = "peacediff-lexicon 1";

/// A word of a text as the tagger reads it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Token {
    Word(Word),
    Number(u64),
    /// The end of a sentence or of a part of one (`.`, `;`, `?`, `!`): no
    /// phrase runs across it.
    Stop,
}

/// A word of a text: as written (lower-cased), and as matched.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    written: String,
    /// Its spellings made one, for prefixes.
    spelled: String,
    /// Its inflections made one, for words.
    form: String,
}

impl Word {
    fn new(written: &str) -> Word {
        Word {
            written: written.to_owned(),
            spelled: forms::spelling(written),
            form: forms::form(written),
        }
    }
}

/// A piece of a phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// The forms a word of the phrase matches: its own and those of the words
    /// that stand for it.
    Word(Vec<String>),
    /// A word that matches only as written (`=plant`, not `plants`).
    Written(String),
    /// A number written out in the phrase: `50` matches 50 however written.
    Literal(u64),
    Prefix(String),
    Number,
    Gap,
}

/// One entry: a subject, its fields, the phrases for it and against it.
#[derive(Clone, Debug)]
struct Entry {
    /// The subjects it proposes (one, or several that a phrase names at once:
    /// `territory/donetsk,territory/luhansk {…} = donbas`), or for a modifier
    /// every subject it may add fields to.
    subjects: Vec<Subject>,
    /// A modifier (`+subject,subject {fields} = phrases`) proposes nothing of its
    /// own: it adds its fields to those of its subjects proposed by other entries
    /// within the same sentence.
    modifier: bool,
    fields: String,
    phrases: Vec<Vec<Piece>>,
    against: Vec<Vec<Piece>>,
}

/// What an entry matched in a text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Match {
    pub subject: Subject,
    /// The provision's fields as JSON, the number put in.
    pub fields: String,
    /// The words matched, as written in the text's tokens.
    pub words: String,
    /// Pieces of the phrase that matched: the longer, the more specific.
    pub weight: usize,
    /// Whether the phrase matched a number.
    pub valued: bool,
    /// Where the words are among the tokens.
    span: (usize, usize),
    /// Whether a modifier entry made it.
    modifier: bool,
    /// Fields to fall back on, in order, should the merged ones not make a
    /// valid provision: those of the matching entries of the subject's own.
    pub fallbacks: Vec<String>,
}

/// Phrases mapped to subjects and typed fields.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
}

impl Lexicon {
    /// The crate's lexicon, as data.
    pub const BUILT_IN: &'static str = include_str!("lexicon.txt");

    /// The crate's lexicon.
    pub fn built_in() -> Lexicon {
        // The built-in lexicon is checked by the crate's tests; were it broken,
        // the tagger would propose nothing rather than fail.
        Lexicon::parse(Lexicon::BUILT_IN).unwrap_or_default()
    }

    /// Reads a lexicon file: the [`HEADER`] line, then entries and comments.
    /// Errors name the line.
    pub fn parse(text: &str) -> Result<Lexicon, Error> {
        let mut lines = text.lines().enumerate();
        let bad = |line: usize, message: String| Error::Parse {
            file: None,
            line,
            column: 1,
            path: String::new(),
            message,
        };
        match lines.next() {
            Some((_, first)) if [HEADER, HEADER_1].contains(&first.trim()) => {}
            _ => return Err(bad(1, format!("a lexicon starts with the line `{HEADER}`"))),
        }
        let lines: Vec<(usize, &str)> = lines
            .map(|(index, line)| (index, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
            .collect();
        // The words that stand for one another, wherever in the file they are given.
        let synonyms: Vec<Vec<String>> = lines
            .iter()
            .filter_map(|(_, line)| line.strip_prefix("~ "))
            .map(|words| words.split_whitespace().map(forms::form).collect())
            .collect();
        let mut entries = Vec::new();
        for (index, line) in lines.into_iter().filter(|(_, line)| !line.starts_with("~ ")) {
            let entry = parse_entry(line, &synonyms).map_err(|message| bad(index + 1, message))?;
            entries.push(entry);
        }
        Ok(Lexicon { entries })
    }

    /// This lexicon with `other`'s entries after its own.
    pub fn extended(mut self, other: Lexicon) -> Lexicon {
        self.entries.extend(other.entries);
        self
    }

    /// Every entry that matches `tokens`, one per subject: the longest phrase
    /// (among equals the later entry) decides, and fields that other matching
    /// entries of the subject add without contradicting it are added.
    pub(crate) fn matches(&self, tokens: &[Token]) -> Vec<Match> {
        let mut found: Vec<Vec<Match>> = Vec::new();
        // Which sentence each token is in.
        let sentence: Vec<usize> = tokens
            .iter()
            .scan(0, |n, t| {
                let here = *n;
                *n += usize::from(*t == Token::Stop);
                Some(here)
            })
            .collect();
        let same_sentence = |a: &Match, b: &Match| {
            sentence.get(a.span.0).is_some() && sentence.get(a.span.0) == sentence.get(b.span.0)
        };
        for modifiers in [false, true] {
            for entry in self.entries.iter().filter(|e| e.modifier == modifiers) {
                let Some(candidate) = entry.matched(tokens) else {
                    continue;
                };
                for subject in &entry.subjects {
                    let known = found
                        .iter_mut()
                        .find(|m| m.first().is_some_and(|m| m.subject == *subject));
                    let candidate = Match {
                        subject: subject.clone(),
                        ..candidate.clone()
                    };
                    match known {
                        Some(known)
                            if !modifiers
                                || known.iter().any(|m| !m.modifier && same_sentence(m, &candidate)) =>
                        {
                            known.push(candidate);
                        }
                        Some(_) => {}
                        None if !modifiers => found.push(vec![candidate]),
                        None => {}
                    }
                }
            }
        }
        found.into_iter().filter_map(merged).collect()
    }
}

impl Entry {
    /// What this entry matches in `tokens`, if it is not ruled out: its longest
    /// phrase that matches, as a match on its first subject.
    fn matched(&self, tokens: &[Token]) -> Option<Match> {
        if self.against.iter().any(|phrase| find(phrase, tokens).is_some()) {
            return None;
        }
        let (phrase, (span, number)) = self
            .phrases
            .iter()
            .filter_map(|phrase| Some((phrase, find(phrase, tokens)?)))
            .max_by_key(|(phrase, _)| phrase.len())?;
        let fields = match number {
            Some(n) => {
                // `{bn}` is the number in billions, however it was written.
                let billions = if n >= 1_000_000_000 { n / 1_000_000_000 } else { n };
                self.fields
                    .replace("{n}", &n.to_string())
                    .replace("{bn}", &billions.to_string())
            }
            None => self.fields.clone(),
        };
        let words: Vec<String> = tokens
            .get(span.0..span.1)
            .unwrap_or_default()
            .iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(w.written.clone()),
                Token::Number(n) => Some(n.to_string()),
                Token::Stop => None,
            })
            .collect();
        Some(Match {
            subject: self.subjects.first()?.clone(),
            fields,
            words: words.join(" "),
            weight: phrase.len(),
            valued: number.is_some(),
            span,
            modifier: self.modifier,
            fallbacks: Vec::new(),
        })
    }
}

/// The match that decides among one subject's matches (the longest phrase, and
/// among equals the later), with the fields the others add without
/// contradicting it.
fn merged(mut matches: Vec<Match>) -> Option<Match> {
    // `max_by_key` keeps the last of equals.
    let (index, _) = matches.iter().enumerate().max_by_key(|(_, m)| m.weight)?;
    let best = matches.swap_remove(index);
    // The heavier of the others first, the earlier among equals.
    matches.sort_by_key(|m| std::cmp::Reverse(m.weight));
    let object = |fields: &str| match serde_json::from_str::<serde_json::Value>(fields) {
        Ok(serde_json::Value::Object(map)) => Some(map),
        _ => None,
    };
    let Some(mut fields) = object(&best.fields) else {
        return Some(best);
    };
    let mut added = false;
    for other in &matches {
        let Some(more) = object(&other.fields) else {
            continue;
        };
        let agrees = more
            .iter()
            .all(|(key, value)| fields.get(key).is_none_or(|v| v == value));
        if !agrees {
            continue;
        }
        for (key, value) in more {
            if !fields.contains_key(&key) {
                fields.insert(key, value);
                added = true;
            }
        }
    }
    // A modifier's words come after those of the entry that proposed the subject.
    let words = match matches.iter().find(|m| !m.modifier) {
        Some(base) if best.modifier => format!("{} … {}", base.words, best.words),
        _ => best.words.clone(),
    };
    if !added && !best.modifier {
        return Some(best);
    }
    let fallbacks = std::iter::once(&best)
        .chain(&matches)
        .filter(|m| !m.modifier)
        .map(|m| m.fields.clone())
        .collect();
    Some(Match {
        fields: serde_json::Value::Object(fields).to_string(),
        fallbacks,
        valued: best.valued || matches.iter().any(|m| m.valued),
        words,
        ..best
    })
}

fn parse_entry(line: &str, synonyms: &[Vec<String>]) -> Result<Entry, String> {
    let (head, phrases) = line
        .split_once(" = ")
        .ok_or_else(|| "expected `subject {fields} = phrase | phrase`".to_owned())?;
    let (subjects, fields) = head.trim().split_once(' ').unwrap_or((head.trim(), "{}"));
    let (modifier, subjects) = match subjects.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, subjects),
    };
    let subjects = subjects
        .split(',')
        .map(|s| Subject::parse(s).ok_or_else(|| format!("unknown subject `{}`", crate::text::bounded(s))))
        .collect::<Result<Vec<Subject>, String>>()?;
    let subject = subjects
        .first()
        .cloned()
        .ok_or_else(|| "expected a subject".to_owned())?;
    let fields = fields.trim().to_owned();
    // The fields must be a JSON object once a number is put in.
    let probe = fields.replace("{n}", "1").replace("{bn}", "1");
    match serde_json::from_str::<serde_json::Value>(&probe) {
        Ok(serde_json::Value::Object(_)) => {}
        _ => return Err(format!("the fields of `{subject}` are not a JSON object")),
    }
    let (phrases, against) = phrases.split_once(" ! ").unwrap_or((phrases, ""));
    let list = |text: &str| -> Vec<Vec<Piece>> {
        text.split('|')
            .map(|phrase| pieces(phrase, synonyms))
            .filter(|p| !p.is_empty())
            .collect()
    };
    let phrases = list(phrases);
    if phrases.is_empty() {
        return Err(format!("no phrase for `{subject}`"));
    }
    Ok(Entry {
        subjects,
        modifier,
        fields,
        phrases,
        against: list(against),
    })
}

/// A phrase read into pieces, each word standing for its forms and those of the
/// words of any `synonyms` line it is on.
fn pieces(phrase: &str, synonyms: &[Vec<String>]) -> Vec<Piece> {
    phrase
        .split_whitespace()
        .map(|word| match word {
            "{n}" => Piece::Number,
            "..." => Piece::Gap,
            word if word.bytes().all(|b| b.is_ascii_digit()) => {
                Piece::Literal(word.parse().unwrap_or(u64::MAX))
            }
            word if word.len() > 1 && word.starts_with('=') => {
                Piece::Written(word.trim_start_matches('=').to_lowercase())
            }
            word => match word.strip_suffix('*') {
                Some(prefix) => Piece::Prefix(forms::spelling(&prefix.to_lowercase())),
                None => {
                    let form = forms::form(&word.to_lowercase());
                    let mut matched: Vec<String> = synonyms
                        .iter()
                        .filter(|line| line.contains(&form))
                        .flatten()
                        .cloned()
                        .collect();
                    if matched.is_empty() {
                        matched.push(form);
                    }
                    Piece::Word(matched)
                }
            },
        })
        .collect()
}

/// Words a gap may skip, at most.
const GAP: usize = 12;

/// The first place `phrase` matches `tokens`: the span and the number matched.
fn find(phrase: &[Piece], tokens: &[Token]) -> Option<((usize, usize), Option<u64>)> {
    (0..tokens.len()).find_map(|start| {
        let (end, number) = match_at(phrase, tokens, start)?;
        Some(((start, end), number))
    })
}

fn match_at(phrase: &[Piece], tokens: &[Token], at: usize) -> Option<(usize, Option<u64>)> {
    let Some((piece, rest)) = phrase.split_first() else {
        return Some((at, None));
    };
    let token = tokens.get(at);
    match piece {
        // A gap skips words, never the end of a sentence.
        Piece::Gap => (0..=GAP)
            .take_while(|skip| *skip == 0 || tokens.get(at + skip - 1).is_some_and(|t| *t != Token::Stop))
            .find_map(|skip| match_at(rest, tokens, at + skip)),
        Piece::Number => match token? {
            Token::Number(n) => {
                let (end, _) = match_at(rest, tokens, at + 1)?;
                Some((end, Some(*n)))
            }
            Token::Word(_) | Token::Stop => None,
        },
        Piece::Literal(value) => match token? {
            Token::Number(n) if n == value => match_at(rest, tokens, at + 1),
            _ => None,
        },
        Piece::Word(forms) => match token? {
            Token::Word(w) if forms.contains(&w.form) => match_at(rest, tokens, at + 1),
            _ => None,
        },
        Piece::Written(word) => match token? {
            Token::Word(w) if w.written == *word => match_at(rest, tokens, at + 1),
            _ => None,
        },
        Piece::Prefix(prefix) => match token? {
            Token::Word(w) if w.spelled.starts_with(prefix.as_str()) => match_at(rest, tokens, at + 1),
            _ => None,
        },
    }
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 12] = [
    "st", "mr", "mrs", "ms", "dr", "no", "art", "para", "vs", "etc", "approx", "cf",
];

/// Whether a word as written (punctuation kept) ends a sentence or a part of one:
/// `;`, `?`, `!`, or a full stop that is not an abbreviation's (`U.S.`, `St.`).
fn ends_sentence(word: &str) -> bool {
    let word = word.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    if word.ends_with([';', '?', '!']) {
        return true;
    }
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    !(stem.contains('.')
        || stem.chars().count() == 1
        || ABBREVIATIONS.contains(&stem.to_lowercase().as_str()))
}

/// The words and numbers of a text, lower-cased, punctuation dropped, numbers
/// read however they are written, with a [`Token::Stop`] where a sentence or a
/// part of one ends.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut raw: Vec<String> = Vec::new();
    for written in
        text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '—' | '–' | '(' | ')' | '"' | '“' | '”'))
    {
        let word = written
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '€')
            .to_lowercase();
        if !word.is_empty() {
            raw.push(word);
        }
        if ends_sentence(written) && raw.last().is_some_and(|w| !w.is_empty()) {
            // An empty string marks the stop among the words.
            raw.push(String::new());
        }
    }
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while let Some(word) = raw.get(i) {
        i += 1;
        if word.is_empty() {
            out.push(Token::Stop);
            continue;
        }
        // `$100bn` and `€50bn`: the currency follows the number as a word.
        let currency = match word.chars().next() {
            Some('$') => Some("usd"),
            Some('€') => Some("eur"),
            _ => None,
        };
        let word = word.trim_start_matches(['$', '€']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        let Some(mut value) = milli_number(word) else {
            out.push(Token::Word(Word::new(word)));
            continue;
        };
        // `800 000`: groups of three digits continue the number.
        while let Some(group) = raw
            .get(i)
            .filter(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        {
            let group = group.parse::<u64>().unwrap_or(0).saturating_mul(1000);
            value = value.saturating_mul(1000).saturating_add(group);
            i += 1;
        }
        let scale = match raw.get(i).map(String::as_str) {
            Some("thousand") => Some(1_000),
            Some("million" | "millions") => Some(1_000_000),
            Some("billion" | "billions" | "bn") => Some(1_000_000_000),
            _ => None,
        };
        if let Some(scale) = scale {
            value = value.saturating_mul(scale);
            i += 1;
        }
        out.push(Token::Number(value / 1000));
        if let Some(currency) = currency {
            out.push(Token::Word(Word::new(currency)));
        }
    }
    out
}

/// A number as written, in thousandths, so that `1.5` before `million` is
/// exact: `600,000`, `600.000`, `600k`, `1.5`, `100bn`.
fn milli_number(word: &str) -> Option<u64> {
    let (digits, scale) = if let Some(d) = word.strip_suffix("bn") {
        (d, 1_000_000_000)
    } else if let Some(d) = word.strip_suffix('k') {
        (d, 1_000)
    } else {
        (word, 1)
    };
    if !digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || !digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    // A decimal point before one or two digits is a fraction (`1.5`); before
    // three, a thousands separator (`600.000`).
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) if fraction.len() < 3 && !fraction.contains(['.', ',']) => (whole, fraction),
        _ => (digits, ""),
    };
    let whole: u64 = whole.replace([',', '.'], "").parse().ok()?;
    let thousandths: u64 = format!("{fraction:0<3}").parse().ok()?;
    Some(
        whole
            .saturating_mul(1000)
            .saturating_add(thousandths)
            .saturating_mul(scale),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<u64> {
        tokens(text)
            .into_iter()
            .filter_map(|t| match t {
                Token::Number(n) => Some(n),
                Token::Word(_) | Token::Stop => None,
            })
            .collect()
    }

    #[test]
    fn numbers_read_however_they_are_written() {
        assert_eq!(numbers("600,000 or 800 000 troops"), [600_000, 800_000]);
        assert_eq!(
            numbers("600 thousand, 1.5 million and $100bn"),
            [600_000, 1_500_000, 100_000_000_000]
        );
        assert_eq!(numbers("600k within 100 days"), [600_000, 100]);
    }

    #[test]
    fn phrases_match_words_prefixes_numbers_and_gaps() {
        let lexicon = Lexicon::parse(&format!(
            "{HEADER}\nmilitary/armed-forces-cap {{\"stance\": \"capped\", \"cap\": {{n}}}} = armed forces ... {{n}} | army\nsanctions/russia = sanction* ! no sanctions"
        ))
        .unwrap();
        let found = lexicon.matches(&tokens("Ukraine's armed forces are limited to 600,000 troops."));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fields, r#"{"stance": "capped", "cap": 600000}"#);
        assert_eq!(found[0].words, "armed forces are limited to 600000");
        assert!(found[0].valued);
        assert_eq!(
            lexicon.matches(&tokens("Sanctions are lifted."))[0]
                .subject
                .to_string(),
            "sanctions/russia"
        );
        assert!(
            lexicon
                .matches(&tokens("There are no sanctions at all."))
                .is_empty()
        );
    }

    #[test]
    fn phrases_stay_within_a_sentence_and_fields_merge() {
        let lexicon = Lexicon::parse(&format!(
            "{HEADER}\nmonitoring/enforcement-body {{\"lead\": \"united_states\"}} = peace council\nmonitoring/enforcement-body {{\"legally_binding\": true}} = legally binding\nsanctions/russia {{\"lifting\": \"lifted\"}} = sanction* ... lifted"
        ))
        .unwrap();
        assert!(
            lexicon
                .matches(&tokens("Sanctions stay. The ban is lifted."))
                .is_empty()
        );
        assert_eq!(
            lexicon.matches(&tokens("The U.S. sanctions are lifted.")).len(),
            1
        );
        let found = lexicon.matches(&tokens("It is legally binding; a Peace Council oversees it."));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].fields,
            r#"{"lead":"united_states","legally_binding":true}"#
        );
    }

    #[test]
    fn words_match_their_inflections_synonyms_and_exact_forms() {
        let lexicon = Lexicon::parse(&format!(
            "{HEADER}\n~ ceasefire truce\nterritory/crimea {{\"status\": \"russian_de_facto\"}} = crimea ... recognise as russian\nceasefire/terms = ceasefire holds\nnuclear/zaporizhzhia-npp = nuclear =plant"
        ))
        .unwrap();
        let subjects = |text: &str| -> Vec<String> {
            lexicon
                .matches(&tokens(text))
                .iter()
                .map(|m| m.subject.to_string())
                .collect()
        };
        assert_eq!(subjects("Crimea is recognized as Russian."), ["territory/crimea"]);
        assert_eq!(subjects("The truces hold."), ["ceasefire/terms"]);
        assert_eq!(
            subjects("The nuclear plant restarts."),
            ["nuclear/zaporizhzhia-npp"]
        );
        assert!(subjects("Attacks on nuclear plants are opposed.").is_empty());
        // The words recorded are those of the text.
        assert_eq!(
            lexicon.matches(&tokens("The truces hold."))[0].words,
            "truces hold"
        );
    }

    #[test]
    fn a_first_version_lexicon_still_reads() {
        let lexicon = Lexicon::parse(&format!("{HEADER_1}\nprisoners/pows = prisoner swap")).unwrap();
        assert_eq!(lexicon.matches(&tokens("Prisoner swaps go on.")).len(), 1);
    }

    #[test]
    fn a_bad_lexicon_names_its_line() {
        let err = Lexicon::parse("something else").unwrap_err();
        assert!(
            err.to_string()
                .contains("starts with the line `peacediff-lexicon 2`"),
            "{err}"
        );
        let err = Lexicon::parse(&format!("{HEADER}\n# c\nmilitary/tanks = tanks")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3, column 1: unknown subject `military/tanks`"
        );
        let err = Lexicon::parse(&format!("{HEADER}\nmilitary/armed-forces-cap [1] = army")).unwrap_err();
        assert!(err.to_string().contains("not a JSON object"), "{err}");
    }

    #[test]
    fn the_built_in_lexicon_reads() {
        assert!(Lexicon::parse(Lexicon::BUILT_IN).is_ok_and(|l| l.entries.len() > 50));
    }
}
