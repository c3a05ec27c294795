//! Plans from text: a numbered document (plain text or Markdown) read into a
//! plan, its subjects proposed from its wording.
//!
//! The document's structure gives the clauses: numbered points in the styles real
//! texts use (`1.`, `1)`, `(1)`, `Point 1:`, `Article 1`, `10a`), lettered items
//! and bullets as sub-items of the point above, headings (Markdown `#` or Roman
//! numerals) as context, unnumbered paragraphs as clauses of their own, lines
//! wrapped inside a point joined. Each clause keeps the document's own words and
//! its number as the document gives it; numbering that restarts or skips is kept
//! as found, with a note.
//!
//! A [`Lexicon`] then proposes typed provisions from each clause's wording, with
//! the words that matched recorded in a note of kind
//! [`Proposed`](crate::NoteKind::Proposed) (confidence `medium` when a value
//! such as a number was read, else `low`); a clause nothing matches gets an
//! `other` provision named after its first words.
//!
//! ```
//! use peacediff::import::TextImport;
//!
//! let text = "---\nid: my-draft\ntitle: My draft\ndate: 2025-11-25\n---\n\
//!             1. Ukraine's armed forces are capped at 800 000 in peacetime.\n\
//!             2. Elections are held within 100 days of signing.\n\
//!             3. A joint committee meets monthly.\n";
//! let plan = TextImport::new().plan(text)?;
//! assert_eq!(plan.clauses().len(), 3);
//! let subjects: Vec<String> = plan.provisions().map(|(_, p)| p.subject().to_string()).collect();
//! assert_eq!(subjects, ["military/armed-forces-cap", "governance/elections", "other/a-joint-committee-meets"]);
//! assert_eq!(plan.clauses()["p1"].provisions[0].brief(), "capped · cap: 800,000");
//! # Ok::<(), peacediff::Error>(())
//! ```
//!
//! Metadata comes from the [`TextImport`] options, else from a front matter block
//! (`id`, `title`, `date`, `outlet`, `url`, `completeness` between `---` lines),
//! else from the text (its first heading as the title). A plan made from text is
//! `complete` unless told otherwise, with one source: the document.

mod forms;
mod lexicon;
mod structure;

use std::time::{SystemTime, UNIX_EPOCH};

pub use lexicon::{HEADER as LEXICON_HEADER, HEADER_1 as LEXICON_HEADER_1, Lexicon};

use crate::error::Error;
use crate::model::{
    Clause, Completeness, Confidence, Date, Note, NoteKind, Other, Plan, Provision, Source, Texts,
};

/// The id of the one source of a plan made from text.
pub const SOURCE_ID: &str = "text";

/// How to read a text into a plan: the metadata the text does not give, and the
/// lexicon that proposes its subjects.
#[derive(Clone, Debug, Default)]
pub struct TextImport {
    id: Option<String>,
    title: Option<String>,
    date: Option<Date>,
    outlet: Option<String>,
    url: Option<String>,
    completeness: Option<Completeness>,
    lexicon: Option<Lexicon>,
}

impl TextImport {
    /// Options that take everything from the text, with the built-in lexicon.
    pub fn new() -> TextImport {
        TextImport::default()
    }

    /// The plan's id.
    pub fn with_id(self, id: impl Into<String>) -> TextImport {
        TextImport {
            id: Some(id.into()),
            ..self
        }
    }

    /// The plan's title.
    pub fn with_title(self, title: impl Into<String>) -> TextImport {
        TextImport {
            title: Some(title.into()),
            ..self
        }
    }

    /// The plan's date.
    pub fn with_date(self, date: Date) -> TextImport {
        TextImport {
            date: Some(date),
            ..self
        }
    }

    /// Where the text was published.
    pub fn with_source(self, outlet: impl Into<String>, url: impl Into<String>) -> TextImport {
        TextImport {
            outlet: Some(outlet.into()),
            url: Some(url.into()),
            ..self
        }
    }

    /// Whether the text is the whole plan.
    pub fn with_completeness(self, completeness: Completeness) -> TextImport {
        TextImport {
            completeness: Some(completeness),
            ..self
        }
    }

    /// The lexicon to propose subjects with, in place of the built-in one (use
    /// [`Lexicon::extended`] to add to it).
    pub fn with_lexicon(self, lexicon: Lexicon) -> TextImport {
        TextImport {
            lexicon: Some(lexicon),
            ..self
        }
    }

    /// Reads `text` into a validated plan.
    pub fn plan(&self, text: &str) -> Result<Plan, Error> {
        let document = structure::read(text);
        if document.points.is_empty() {
            return Err(Error::Parse {
                file: None,
                line: 1,
                column: 1,
                path: String::new(),
                message: "the text holds no points or paragraphs to import".into(),
            });
        }
        let front = |key: &str| {
            document
                .front_matter
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let mut notes = Vec::new();
        let date = match (self.date, front("date")) {
            (Some(date), _) => date,
            (None, Some(text)) => text.parse().map_err(|_| {
                front_matter_error(
                    "date",
                    format!(
                        "invalid date `{}` in the front matter (expected YYYY-MM-DD or YYYY-MM)",
                        crate::text::bounded(&text)
                    ),
                )
            })?,
            (None, None) => {
                notes.push(Note::new(
                    NoteKind::Uncertain,
                    "The text gives no date: the plan is dated the day it was imported.",
                ));
                today()
            }
        };
        let completeness = match (self.completeness, front("completeness")) {
            (Some(c), _) => c,
            (None, Some(text)) => text.parse().map_err(|_| {
                front_matter_error(
                    "completeness",
                    format!(
                        "invalid completeness `{}` (expected complete or partial)",
                        crate::text::bounded(&text)
                    ),
                )
            })?,
            (None, None) => Completeness::Complete,
        };
        let id = self
            .id
            .clone()
            .or_else(|| front("id"))
            .unwrap_or_else(|| "imported".to_owned());
        let title = self
            .title
            .clone()
            .or_else(|| front("title"))
            .or_else(|| document.title.clone())
            .unwrap_or_else(|| "Imported text".to_owned());
        let outlet = self
            .outlet
            .clone()
            .or_else(|| front("outlet"))
            .unwrap_or_else(|| "The supplied text".to_owned());
        let url = self.url.clone().or_else(|| front("url")).unwrap_or_default();
        notes.extend(
            structure::numbering_notes(&document.points)
                .into_iter()
                .map(|text| Note::new(NoteKind::Context, text)),
        );
        let mut plan = Plan::new(id, title.clone(), date, completeness)
            .with_texts(Texts::Original)
            .with_source(Source::new(SOURCE_ID, outlet, title, url, date));
        for note in notes {
            plan = plan.with_note(note);
        }
        let built_in;
        let lexicon = match &self.lexicon {
            Some(lexicon) => lexicon,
            None => {
                built_in = Lexicon::built_in();
                &built_in
            }
        };
        let mut taken = std::collections::HashSet::new();
        for (k, point) in document.points.iter().enumerate() {
            let base = match &point.number {
                Some(number) => format!("p{number}"),
                None => format!("para-{}", k + 1),
            };
            let mut id = base.clone();
            let mut copy = 1;
            while !taken.insert(id.clone()) {
                copy += 1;
                id = format!("{base}-{copy}");
            }
            let mut clause = Clause::new(id, point.text.clone(), Confidence::High).with_source(SOURCE_ID);
            if let Some(number) = &point.number {
                clause = clause.with_number(number.clone());
            }
            if let Some(heading) = &point.heading {
                clause = clause.with_note(Note::new(
                    NoteKind::Context,
                    format!("Under the heading: {heading}"),
                ));
            }
            for (provision, note) in tag(&point.text, lexicon) {
                clause = clause.with_provision(provision);
                if let Some(note) = note {
                    clause = clause.with_note(note);
                }
            }
            for note in unread_fields(&clause) {
                clause = clause.with_note(note);
            }
            plan = plan.with_clause(clause);
        }
        plan.validate()?;
        Ok(plan)
    }
}

/// Per typed subject of a clause, a note of kind [`Unknown`](NoteKind::Unknown)
/// naming the fields none of its provisions there states: the tagger reads a
/// stance and the values its lexicon knows, so a field it leaves unset is not
/// known, rather than left out by the text.
fn unread_fields(clause: &Clause) -> Vec<Note> {
    let mut notes = Vec::new();
    for subject in clause.subjects() {
        let on: Vec<&Provision> = clause
            .provisions
            .iter()
            .filter(|p| p.subject() == subject)
            .collect();
        let unread: Vec<&str> = subject
            .topic()
            .field_names()
            .iter()
            .copied()
            .filter(|name| {
                !on.iter().any(|p| {
                    p.fields()
                        .iter()
                        .any(|(field, value)| field == name && value.is_some())
                })
            })
            .collect();
        if unread.is_empty() {
            continue;
        }
        let mut note = Note::new(
            NoteKind::Unknown,
            format!("Not read from the text: {}.", unread.join(", ").replace('_', " ")),
        )
        .with_subject(subject);
        for field in unread {
            note = note.with_field(field);
        }
        notes.push(note);
    }
    notes
}

/// The plans of a text that may be plan JSON (a plan or a list of plans) or a
/// document to import: JSON when it starts with `{` or `[`, else a document read
/// into one plan with id `id` (a front matter `id` takes precedence).
///
/// ```
/// let plans = peacediff::import::plans_from_text("1. The army is capped at 600,000.", "mine")?;
/// assert_eq!(plans[0].id, "mine");
/// # Ok::<(), peacediff::Error>(())
/// ```
pub fn plans_from_text(text: &str, id: &str) -> Result<Vec<Plan>, Error> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.starts_with('{') || start.starts_with('[') {
        return Plan::list_from_json(text);
    }
    let document = structure::read(text);
    let named = document.front_matter.iter().any(|(key, _)| key == "id");
    let options = if named {
        TextImport::new()
    } else {
        TextImport::new().with_id(id)
    };
    options.plan(text).map(|plan| vec![plan])
}

/// [`plans_from_text`] reading a reader, within the default input limit.
pub fn plans_from_reader(reader: impl std::io::Read, id: &str) -> Result<Vec<Plan>, Error> {
    crate::model::read_text(reader).and_then(|text| plans_from_text(&text, id))
}

/// [`plans_from_text`] reading a file; a plan made from it is named after the
/// file (`my-draft.txt` gives `my-draft`). Errors name the file.
pub fn plans_from_path(path: &std::path::Path) -> Result<Vec<Plan>, Error> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = if id.trim_matches('-').is_empty() {
        "imported".to_owned()
    } else {
        id
    };
    crate::model::read_file(path)
        .and_then(|text| plans_from_text(&text, &id))
        .map_err(|err| err.in_file(path))
}

/// One line per clause for a person to review what was proposed: the clause's
/// number, its subjects, and the words each was proposed from, made safe to
/// print (`6  military/armed-forces-cap  ← armed forces of 800000`).
pub fn review(plan: &Plan) -> Vec<String> {
    plan.clauses()
        .values()
        .map(|clause| {
            let subjects: Vec<String> = clause
                .provisions
                .iter()
                .map(|p| p.subject().to_string())
                .collect();
            let why: Vec<&str> = clause
                .notes
                .iter()
                .filter(|n| n.kind == NoteKind::Proposed)
                .filter_map(|n| {
                    n.text
                        .split_once(" proposed from the words: ")
                        .map(|(_, words)| words)
                })
                .collect();
            let line = if why.is_empty() {
                format!(
                    "{}  {}  (no match: left as other)",
                    clause.label(),
                    subjects.join(", ")
                )
            } else {
                format!(
                    "{}  {}  ← {}",
                    clause.label(),
                    subjects.join(", "),
                    why.join("; ")
                )
            };
            crate::text::plain(&line).into_owned()
        })
        .collect()
}

/// A front matter value that does not read, as a parse error at its key.
fn front_matter_error(key: &str, message: String) -> Error {
    Error::Parse {
        file: None,
        line: 1,
        column: 1,
        path: key.into(),
        message,
    }
}

/// The provisions `lexicon` proposes for `text`, each with the note that says
/// why; an `other` provision when nothing matches.
fn tag(text: &str, lexicon: &Lexicon) -> Vec<(Provision, Option<Note>)> {
    let mut proposed = Vec::new();
    for found in lexicon.matches(&lexicon::tokens(text)) {
        // The merged fields, else those of the entries that proposed the subject.
        let provision = std::iter::once(&found.fields)
            .chain(&found.fallbacks)
            .find_map(|fields| {
                let Ok(serde_json::Value::Object(mut fields)) =
                    serde_json::from_str::<serde_json::Value>(fields)
                else {
                    return None;
                };
                fields.insert("topic".into(), found.subject.topic().as_str().into());
                fields.insert("subject".into(), found.subject.slug().into());
                serde_json::from_value::<Provision>(serde_json::Value::Object(fields)).ok()
            });
        let Some(provision) = provision else {
            continue;
        };
        let confidence = if found.valued || found.weight >= 3 {
            Confidence::Medium
        } else {
            Confidence::Low
        };
        let note = Note::new(
            NoteKind::Proposed,
            format!("{} proposed from the words: {}", found.subject, found.words),
        )
        .with_subject(found.subject.clone())
        .with_confidence(confidence);
        proposed.push((provision, Some(note)));
    }
    if proposed.is_empty() {
        proposed.push((Provision::from(Other::new(slug(text), text)), None));
    }
    proposed
}

/// A kebab-case slug from a text's first words: `a-joint-committee-meets`.
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "point".to_owned()
    } else {
        words.join("-")
    }
}

/// Today's date (UTC), marked approximate.
fn today() -> Date {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(1970),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).ok(),
        approximate: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_entry_makes_a_valid_provision() {
        let lexicon = Lexicon::built_in();
        for line in Lexicon::BUILT_IN
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('~'))
        {
            let (head, _) = line.split_once(" = ").unwrap();
            let (subject, fields) = head.split_once(' ').unwrap_or((head, "{}"));
            let json = fields.replace("{n}", "2027").replace("{bn}", "100");
            let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
            if let Some(subjects) = subject.strip_prefix('+') {
                // A modifier's fields join those of a proposed provision.
                assert!(
                    subjects.split(',').all(|s| crate::Subject::parse(s).is_some()),
                    "{line}"
                );
                continue;
            }
            for subject in subject.split(',') {
                let subject = crate::Subject::parse(subject).unwrap();
                value["topic"] = subject.topic().as_str().into();
                value["subject"] = subject.slug().into();
                assert!(
                    serde_json::from_value::<Provision>(value.clone()).is_ok(),
                    "{line}"
                );
            }
        }
        assert!(
            !lexicon
                .matches(&lexicon::tokens("The army is capped at 600,000."))
                .is_empty()
        );
    }

    #[test]
    fn today_is_a_plausible_date() {
        let date = today();
        assert!(date.year >= 2025 && (1..=12).contains(&date.month));
    }
}
