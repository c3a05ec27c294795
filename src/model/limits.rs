//! Bounds on the size of plan input, checked before the expensive work.

use super::plan::Plan;
use crate::error::{Error, Problem};

/// Size bounds for loading plans. The defaults are far above any real plan and
/// keep hostile input from exhausting memory or time; raise them for generated
/// corpora.
///
/// ```
/// use peacediff::{Limits, Plan};
///
/// let json = std::fs::read_to_string("tests/bad/valid.json").unwrap();
/// let tight = Limits { clauses: 1, ..Limits::default() };
/// let err = Plan::from_json_with(&json, &tight).unwrap_err();
/// assert_eq!(err.to_string(), "plan `sample`, at `clauses`");
/// assert_eq!(err.problem().unwrap().to_string(), "2 clauses exceed the limit of 1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of JSON input; checked before parsing.
    pub input_bytes: usize,
    /// Clauses in a plan.
    pub clauses: usize,
    /// Provisions in a clause.
    pub provisions_per_clause: usize,
    /// Characters in any one text (clause text, summary, note).
    pub text_chars: usize,
}

impl Default for Limits {
    /// 64 MiB of input, 200,000 clauses, 64 provisions a clause, 20,000 characters a text.
    fn default() -> Self {
        Limits {
            input_bytes: 64 << 20,
            clauses: 200_000,
            provisions_per_clause: 64,
            text_chars: 20_000,
        }
    }
}

impl Limits {
    pub(crate) fn check_input(&self, bytes: usize) -> Result<(), Error> {
        if bytes > self.input_bytes {
            return Err(Error::TooLarge {
                file: None,
                bytes,
                limit: self.input_bytes,
            });
        }
        Ok(())
    }

    /// Counts and lengths, checked after parsing and before validation and diffing.
    pub(crate) fn check_plan(&self, plan: &Plan) -> Result<(), Error> {
        let over = |path: String, what: &'static str, found: usize, limit: usize| {
            (found > limit).then(|| Error::invalid(&plan.id, path, Problem::OverLimit { what, found, limit }))
        };
        if let Some(err) = over("clauses".into(), "clauses", plan.clauses.len(), self.clauses) {
            return Err(err);
        }
        let plan_notes = plan
            .notes
            .iter()
            .enumerate()
            .map(|(n, note)| (format!("notes[{n}].text"), note));
        let clause_notes = plan.clauses.values().enumerate().flat_map(|(index, clause)| {
            let notes = clause.notes.iter().enumerate();
            notes.map(move |(n, note)| (format!("clauses[{index}].notes[{n}].text"), note))
        });
        for (path, note) in plan_notes.chain(clause_notes) {
            if let Some(err) = over(path, "characters", note.text.chars().count(), self.text_chars) {
                return Err(err);
            }
        }
        for (index, clause) in plan.clauses.values().enumerate() {
            let readings = clause.alternatives.iter().enumerate().map(|(n, r)| {
                (
                    format!("clauses[{index}].alternatives[{n}]."),
                    &r.text,
                    &r.provisions,
                )
            });
            let own = (format!("clauses[{index}]."), &clause.text, &clause.provisions);
            for (at, text, provisions) in std::iter::once(own).chain(readings) {
                let checks = [
                    over(
                        format!("{at}provisions"),
                        "provisions",
                        provisions.len(),
                        self.provisions_per_clause,
                    ),
                    over(
                        format!("{at}text"),
                        "characters",
                        text.chars().count(),
                        self.text_chars,
                    ),
                ];
                if let Some(err) = checks.into_iter().flatten().next() {
                    return Err(err);
                }
                for (n, provision) in provisions.iter().enumerate() {
                    if let crate::Provision::Other(other) = provision
                        && let Some(err) = over(
                            format!("{at}provisions[{n}].summary"),
                            "characters",
                            other.summary.chars().count(),
                            self.text_chars,
                        )
                    {
                        return Err(err);
                    }
                }
            }
        }
        Ok(())
    }
}
