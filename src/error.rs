//! The crate's error type.

use std::io;
use std::path::{Path, PathBuf};

use crate::text::{bounded, bounded_to};

/// Characters of a message built from input (a parser's message, a reason), at most.
const MESSAGE_CHARS: usize = 300;

/// Everything that can go wrong in this crate.
///
/// Every variant names the place: the file when there is one, then the line and
/// column (parse errors) and the JSON path of the offending value, such as
/// `clauses[3].provisions[0].cap`. An error that has a cause (the broken rule of
/// [`Error::Invalid`], the I/O error of [`Error::Io`]) gives it through
/// [`source`](std::error::Error::source) rather than repeating it in its message;
/// print the chain to show both:
///
/// ```
/// use std::error::Error as _;
///
/// let err = peacediff::Plan::from_json(r#"{"id": "x", "title": "", "date": "2025-01-01",
///     "completeness": "complete", "sources": [], "clauses": []}"#).unwrap_err();
/// assert_eq!(err.to_string(), "plan `x`, at `title`");
/// assert_eq!(err.source().unwrap().to_string(), "must not be empty");
/// assert_eq!(err.problem(), Some(&peacediff::Problem::Empty));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not valid JSON, or does not have the shape of a plan.
    #[error(
        "{}line {line}, column {column}{}: {}",
        in_file(file),
        at(path),
        bounded_to(message, MESSAGE_CHARS)
    )]
    Parse {
        /// The file, when loaded from one.
        file: Option<PathBuf>,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// JSON path of the offending value (`clauses[2].provisions[0].subject`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The plan parsed but breaks a rule of the model: the [`Problem`], also its
    /// [`source`](std::error::Error::source).
    #[error("{}plan `{}`{}", in_file(file), bounded(plan), at(path))]
    Invalid {
        /// The file, when loaded from one.
        file: Option<PathBuf>,
        /// The plan's id.
        plan: String,
        /// JSON path of the offending value.
        path: String,
        /// Which rule is broken.
        #[source]
        problem: Problem,
    },
    /// The input is larger than [`Limits::input_bytes`](crate::Limits::input_bytes).
    #[error("{}the input has {bytes} bytes, over the limit of {limit}", in_file(file))]
    TooLarge {
        /// The file, when loaded from one.
        file: Option<PathBuf>,
        /// The input's size, or the limit plus one when read from a stream.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A name that is neither a bundled plan nor a file.
    #[error("`{}` is neither a bundled plan ({}) nor a readable file", bounded(name), known.join(", "))]
    UnknownPlan {
        /// The name given.
        name: String,
        /// The ids of the bundled plans.
        known: Vec<String>,
    },
    /// Two plans with the same id given to one comparison.
    #[error(
        "two plans have the id `{}`; plans compared together need distinct ids",
        bounded(id)
    )]
    DuplicatePlan {
        /// The shared id.
        id: String,
    },
    /// A diff applied to a plan it was not made from.
    #[error(
        "the diff does not apply to plan `{}`: {}",
        bounded(plan),
        bounded_to(reason, MESSAGE_CHARS)
    )]
    Mismatch {
        /// The plan the diff was applied to.
        plan: String,
        /// What does not fit.
        reason: String,
    },
    /// A result's JSON whose `schema` field is missing or names another kind or
    /// version than the one read.
    #[error(
        "{}expected schema `{expected}`, found {}",
        in_file(file),
        found.as_ref().map_or_else(|| "no `schema` field".to_owned(), |found| format!("`{}`", bounded(found)))
    )]
    Schema {
        /// The file, when loaded from one.
        file: Option<PathBuf>,
        /// The schema of the type read.
        expected: &'static str,
        /// The schema the JSON names, if any.
        found: Option<String>,
    },
    /// The input could not be read; the I/O error is the [`source`](std::error::Error::source).
    #[error("{}cannot read the plan", in_file(file))]
    Io {
        /// The file, when reading one.
        file: Option<PathBuf>,
        /// The underlying error.
        source: io::Error,
    },
}

/// A name or value written as text that does not parse: an unknown vocabulary
/// word, subject or date, from the [`FromStr`](std::str::FromStr) impls.
///
/// ```
/// use peacediff::{Party, Subject};
///
/// let crimea: Subject = "territory/crimea".parse().unwrap();
/// assert_eq!(crimea.slug(), "crimea");
/// let err = "atlantis".parse::<Party>().unwrap_err();
/// assert!(err.to_string().starts_with("unknown party `atlantis` (expected one of `ukraine`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", bounded_to(message, MESSAGE_CHARS))]
pub struct ParseError {
    message: String,
}

impl ParseError {
    pub(crate) fn new(message: String) -> Self {
        ParseError { message }
    }
}

/// A broken rule of the model, carried by [`Error::Invalid`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// A required text is empty or blank.
    #[error("must not be empty")]
    Empty,
    /// An id is used twice in one list.
    #[error("duplicate id `{}` (first used at index {first})", bounded(id))]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Index of its first use.
        first: usize,
    },
    /// A clause or source is stored under a key other than its id.
    #[error("stored under key `{}` but its id is `{}`", bounded(key), bounded(id))]
    KeyMismatch {
        /// The map key.
        key: String,
        /// The id inside the value.
        id: String,
    },
    /// A clause without provisions.
    #[error("a clause needs at least one provision")]
    NoProvisions,
    /// A clause without sources.
    #[error("a clause needs at least one source")]
    NoSources,
    /// A citation of a source the plan does not list.
    #[error("cites source `{}`, which is not in the plan's sources", bounded(id))]
    UnknownSource {
        /// The cited id.
        id: String,
    },
    /// A number outside its plausible range.
    #[error("{value} is out of range ({min} to {max})")]
    OutOfRange {
        /// The value found.
        value: u64,
        /// The smallest allowed value.
        min: u64,
        /// The largest allowed value.
        max: u64,
    },
    /// More of something than [`Limits`](crate::Limits) allow.
    #[error("{found} {what} exceed the limit of {limit}")]
    OverLimit {
        /// What is counted.
        what: &'static str,
        /// How many there are.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// An alternative reading of a clause speaks of a subject the clause does not.
    #[error("speaks of `{}`, which the clause's own provisions do not", bounded(subject))]
    ForeignSubject {
        /// The subject, written `topic/slug`.
        subject: String,
    },
    /// A note names fields though it is not of kind `unknown` or names no subject.
    #[error("only a note of kind `unknown` about one subject or more names fields")]
    MisplacedFields,
    /// A note names a field its subject's provisions do not have.
    #[error("`{}` is not a field of {topic} provisions", bounded(field))]
    NotAField {
        /// The field named.
        field: String,
        /// The topic of the note's subject, by its JSON name.
        topic: &'static str,
    },
    /// A note says a position or a field is unknown where the plan states it.
    #[error(
        "says {} is unknown, but clause `{}` states it",
        bounded(what),
        bounded(clause)
    )]
    StatedUnknown {
        /// What the note says is unknown: ``the position on `topic/slug` `` or
        /// `` `field` of `topic/slug` ``.
        what: String,
        /// The id of the clause that states it.
        clause: Box<str>,
    },
    /// A URL that is not an absolute `http`/`https` address.
    #[error("`{}` is not an http or https URL", bounded(url))]
    InvalidUrl {
        /// The value found.
        url: String,
    },
    /// A date that is not on the calendar, such as month 13 or 30 February.
    #[error("`{}` is not a calendar date", bounded(date))]
    InvalidDate {
        /// The date as written.
        date: String,
    },
    /// An id or label holding a character that steers a terminal or hides, joins
    /// or reorders text (a control, zero-width or bidirectional character), which
    /// would let two different ids read the same.
    #[error("holds the invisible character U+{:04X} at position {position}", u32::from(*character))]
    HiddenCharacter {
        /// The character.
        character: char,
        /// Its position, counted in characters from 0.
        position: usize,
    },
    /// An id or slug with characters outside its allowed set.
    #[error("`{}` must be {expected}", bounded(value))]
    InvalidName {
        /// The value found.
        value: String,
        /// The allowed form.
        expected: &'static str,
    },
}

impl Error {
    pub(crate) fn parse(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
        // Segments the path cannot name (`?`) are left out rather than shown.
        let path = err.path().to_string();
        let known: Vec<&str> = path.split('.').filter(|s| !s.is_empty() && *s != "?").collect();
        let mut error = Error::trailing(err.into_inner());
        if let Error::Parse { path: at, .. } = &mut error {
            *at = known.join(".");
        }
        error
    }

    /// A parse error without a path: a syntax error at the top level or trailing text.
    pub(crate) fn trailing(err: serde_json::Error) -> Error {
        let (line, column) = (err.line(), err.column());
        let text = err.to_string();
        // serde_json appends the position to its message; it is shown separately here.
        let message = text
            .strip_suffix(&format!(" at line {line} column {column}"))
            .unwrap_or(&text)
            // The record a plan is read through is not a name users know.
            .replace("struct PlanRecord with 10 elements", "a plan object")
            .replace("struct PlanRecord", "a plan object");
        Error::Parse {
            file: None,
            line,
            column,
            path: String::new(),
            message,
        }
    }

    pub(crate) fn invalid(plan: &str, path: impl Into<String>, problem: Problem) -> Error {
        Error::Invalid {
            file: None,
            plan: plan.to_owned(),
            path: path.into(),
            problem,
        }
    }

    /// The same error, naming the file it came from.
    pub fn in_file(mut self, path: &Path) -> Error {
        match &mut self {
            Error::Parse { file, .. }
            | Error::Invalid { file, .. }
            | Error::Io { file, .. }
            | Error::Schema { file, .. }
            | Error::TooLarge { file, .. } => {
                *file = Some(path.to_owned());
            }
            Error::UnknownPlan { .. } | Error::Mismatch { .. } | Error::DuplicatePlan { .. } => {}
        }
        self
    }

    /// The broken rule, for an [`Error::Invalid`].
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Error::Invalid { problem, .. } => Some(problem),
            _ => None,
        }
    }

    /// The JSON path of the offending value, when the error has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Parse { path, .. } | Error::Invalid { path, .. } if !path.is_empty() => Some(path),
            _ => None,
        }
    }
}

fn in_file(file: &Option<PathBuf>) -> String {
    file.as_ref()
        .map(|file| format!("{}: ", bounded_to(&file.to_string_lossy(), MESSAGE_CHARS)))
        .unwrap_or_default()
}

fn at(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(", at `{}`", bounded_to(path, MESSAGE_CHARS))
    }
}
