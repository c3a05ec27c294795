//! Where a plan's facts come from: sources, dates, confidence and notes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::keyword::keywords;
use super::subject::Subject;
use crate::error::ParseError;

/// A published report a plan or clause rests on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id, unique in the plan, that clauses cite (`"A01"`); read with
    /// [`Source::id`], fixed when the source is made.
    pub(crate) id: String,
    /// The outlet that published it.
    pub outlet: String,
    /// The title as published.
    pub title: String,
    /// Where it was found (`http` or `https`).
    pub url: String,
    /// When it was published.
    pub date: Date,
}

impl Source {
    /// Its id: unique in its plan, and the key it is stored under.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A source with every field given.
    pub fn new(
        id: impl Into<String>,
        outlet: impl Into<String>,
        title: impl Into<String>,
        url: impl Into<String>,
        date: Date,
    ) -> Source {
        Source {
            id: id.into(),
            outlet: outlet.into(),
            title: title.into(),
            url: url.into(),
            date,
        }
    }
}

keywords! {
    /// How well a clause is attested.
    pub enum Confidence: "confidence" {
        High = "high": "Reproduced verbatim and confirmed by two or more independent outlets.",
        Medium = "medium": "From summaries, translations or a single full-text copy.",
        Low = "low": "From one secondary source, a forum post, or an inference.",
    }
}

keywords! {
    /// What kind of remark a [`Note`] makes.
    pub enum NoteKind: "note kind" {
        Absent = "absent": "A source says the plan leaves the subjects out.",
        Disagreement = "disagreement": "Sources disagree on what the text says.",
        Uncertain = "uncertain": "The text or its reading is uncertain.",
        Partial = "partial": "Only part of the text was retrieved.",
        Context = "context": "Background that helps reading the clause.",
        Conflict = "conflict": "A merge left two different changes to the clause unresolved.",
        Proposed = "proposed": "The text importer proposed the subjects from the words it quotes; a person should review them.",
        Unknown = "unknown": "No source says what the plan holds on the subjects, or on the named fields of its provisions on them: its position there is unknown, not left out, even in a complete plan.",
    }
}

/// A remark on a plan or clause: a disagreement between sources, an absence, a gap.
///
/// Notes keep what the reporting says without turning it into clauses.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// What kind of remark this is.
    pub kind: NoteKind,
    /// The subjects the note is about, if any. A note of kind
    /// [`Absent`](NoteKind::Absent) makes a partial plan speak to its subjects, one
    /// of kind [`Unknown`](NoteKind::Unknown) without fields makes any plan silent
    /// on them: see [`Plan::covers`](crate::Plan::covers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    /// For a note of kind [`Unknown`](NoteKind::Unknown): the fields of the
    /// provisions on its subjects whose values are not known (by JSON name, such
    /// as `sanctions_for_violations`). The provisions leave them unstated, and
    /// diffs and comparisons read them as unknown, not as a different position.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The remark, in plain words.
    pub text: String,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How well the remark is attested, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Note {
    /// A note of `kind` saying `text`, about no subject, citing no source, with
    /// no confidence given.
    pub fn new(kind: NoteKind, text: impl Into<String>) -> Note {
        Note {
            kind,
            subjects: Vec::new(),
            fields: Vec::new(),
            text: text.into(),
            sources: Vec::new(),
            confidence: None,
        }
    }

    /// The note about one more subject.
    pub fn with_subject(mut self, subject: Subject) -> Note {
        self.subjects.push(subject);
        self
    }

    /// The note naming one more unknown field, by its JSON name.
    pub fn with_field(mut self, field: impl Into<String>) -> Note {
        self.fields.push(field.into());
        self
    }

    /// The note citing one more source, by its id.
    pub fn with_source(mut self, source: impl Into<String>) -> Note {
        self.sources.push(source.into());
        self
    }

    /// The note with a confidence.
    pub fn with_confidence(self, confidence: Confidence) -> Note {
        Note {
            confidence: Some(confidence),
            ..self
        }
    }
}

/// A calendar date, possibly only to the month, possibly approximate.
///
/// Written `2025-04-25`, `2025-12` (month only), with a leading `~` when the date is
/// only implied by the source: `~2025-11-21`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, when known.
    pub day: Option<u8>,
    /// Whether the date is approximate.
    pub approximate: bool,
}

impl Date {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`, optionally prefixed with `~`.
    pub fn parse(text: &str) -> Option<Date> {
        let (approximate, rest) = match text.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut parts = rest.split('-');
        let year = number(parts.next()?, 4)?;
        let month = u8::try_from(number(parts.next()?, 2)?).ok()?;
        let day = match parts.next() {
            Some(day) => Some(u8::try_from(number(day, 2)?).ok()?),
            None => None,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        if let Some(day) = day
            && (day == 0 || day > days_in_month(year, month))
        {
            return None;
        }
        Some(Date {
            year,
            month,
            day,
            approximate,
        })
    }
}

/// Parses exactly `digits` ASCII digits.
fn number(text: &str, digits: usize) -> Option<u16> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::str::FromStr for Date {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Date::parse(text).ok_or_else(|| {
            ParseError::new(format!(
                "invalid date `{}` (expected YYYY-MM-DD or YYYY-MM, optionally prefixed with `~`)",
                crate::text::bounded(text)
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_text() {
        for text in ["2025-04-25", "~2025-11-21", "2025-12", "~2025-10", "2024-02-29"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
        for bad in [
            "2025-13-01",
            "2025-02-30",
            "25-04-25",
            "2025-4-25",
            "2025-04-25-1",
            "",
            "~",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }
}
