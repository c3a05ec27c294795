//! One subject through several plans, in date order.
//!
//! [`evolution`] follows a subject such as `military/armed-forces-cap` from plan to
//! plan: each [`Step`] holds the plan's provisions on the subject, the readings
//! that sources disagreeing with them report, and how it changed against the last
//! plan known on the subject. A partial plan silent on the subject is an
//! [`Unknown`](StepKind::Unknown) step and is skipped when the next step is compared.
//!
//! ```
//! use peacediff::{corpus, evolution, StepKind, Subject};
//!
//! let cap = Subject::parse("military/armed-forces-cap").unwrap();
//! // The six texts of the US-led talks of 2025, from the April framework to the 20-point plan.
//! let plans = [
//!     "witkoff-2025-04",
//!     "european-ukrainian-2025-04",
//!     "us-28-point-2025-11",
//!     "geneva-revision-2025-11",
//!     "e3-counter-2025-11",
//!     "ukraine-20-point-2025-12",
//! ]
//! .map(|id| corpus::get(id).unwrap());
//! let history = evolution(&cap, &plans);
//! let steps: Vec<(&str, StepKind)> = history.steps.iter().map(|s| (s.plan.as_str(), s.kind)).collect();
//! assert_eq!(steps[0], ("witkoff-2025-04", StepKind::Absent));
//! assert_eq!(steps[2], ("us-28-point-2025-11", StepKind::Amended));
//! // Reports differ on the Geneva revision: 800,000, or no cap at all.
//! let geneva = history.steps.iter().find(|s| s.plan == "geneva-revision-2025-11").unwrap();
//! assert!(!geneva.alternatives.is_empty());
//! ```

use serde::{Deserialize, Serialize};

use crate::cell::FieldChange;
use crate::cell::{Entry, position, resolve};
use crate::model::Silence;
use crate::model::keyword::keywords;
use crate::{Confidence, Date, Note, Plan, Source, Subject};

keywords! {
    /// How a subject stands in a plan against the last plan known on it.
    pub enum StepKind: "step" {
        Added = "added": "The plan has the subject; the last plan known on it did not, or there was none.",
        Unchanged = "unchanged": "The same position as the last plan known on the subject.",
        Amended = "amended": "Another position: the field changes are listed.",
        Removed = "removed": "The plan leaves out a subject the last plan known on it had.",
        Absent = "absent": "Neither this plan nor the last one known on the subject has it.",
        Unknown = "unknown": "The plan is partial and silent on the subject.",
    }
}

/// A provision another group of sources reports in place of the plan's own, or a
/// party's competing proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Alternative {
    /// Who proposes it, when it is a party's proposal rather than another report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposed_by: Vec<crate::Party>,
    /// The reading's provision, with the clause it belongs to.
    pub entry: Entry,
    /// What the reading says, paraphrased.
    pub text: String,
    /// The plan's sources behind it.
    pub sources: Vec<Source>,
    /// How well it is attested.
    pub confidence: Confidence,
}

/// One plan's position on the subject.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Step {
    /// The plan's id.
    pub plan: String,
    /// The plan's date.
    pub date: Date,
    /// How the subject stands against the last plan known on it.
    pub kind: StepKind,
    /// The plan's provisions on the subject.
    pub entries: Vec<Entry>,
    /// Other readings of those provisions that sources report.
    pub alternatives: Vec<Alternative>,
    /// For an amendment, the fields that changed, provision by provision in order.
    pub changes: Vec<FieldChange>,
    /// The plan's notes about the subject (why it is absent, where sources disagree).
    pub notes: Vec<Note>,
}

/// A subject through several plans. Build one with [`evolution`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evolution {
    /// The subject followed.
    pub subject: Subject,
    /// One step per plan, by date; plans of one date keep the order they were given in.
    pub steps: Vec<Step>,
}

/// Follows `subject` through `plans`, ordered by date.
pub fn evolution(subject: &Subject, plans: &[&Plan]) -> Evolution {
    let mut ordered: Vec<&Plan> = plans.to_vec();
    ordered.sort_by_key(|plan| plan.date);
    let mut steps: Vec<Step> = Vec::with_capacity(ordered.len());
    // The entries of the last plan known on the subject.
    let mut last: Option<Vec<Entry>> = None;
    for plan in ordered {
        let entries: Vec<Entry> = plan
            .clauses
            .values()
            .flat_map(|clause| {
                clause
                    .provisions
                    .iter()
                    .filter(|p| p.subject() == *subject)
                    .map(|p| Entry::new(plan, clause, p))
            })
            .collect();
        let alternatives = plan
            .clauses
            .values()
            .flat_map(|clause| {
                clause.alternatives.iter().flat_map(move |reading| {
                    reading
                        .provisions
                        .iter()
                        .filter(|p| p.subject() == *subject)
                        .map(move |p| Alternative {
                            proposed_by: reading.proposed_by.clone(),
                            entry: Entry::new(plan, clause, p),
                            text: reading.text.clone(),
                            sources: resolve(plan, &reading.sources),
                            confidence: reading.confidence,
                        })
                })
            })
            .collect();
        let notes = plan
            .notes
            .iter()
            .chain(plan.clauses.values().flat_map(|c| &c.notes))
            .filter(|note| note.subjects.contains(subject))
            .cloned()
            .collect();
        let silent = Silence::of(plan).on(subject);
        let (kind, changes) = match (&last, entries.is_empty()) {
            _ if silent && entries.is_empty() => (StepKind::Unknown, Vec::new()),
            (Some(before), false) if !before.is_empty() => {
                let changes = Entry::changes(before, &entries);
                // Changes only of fields one side does not know are not known to be changes.
                let unknown_only = before.len() == entries.len() && changes.iter().all(|c| c.unknown);
                if position(before) == position(&entries) {
                    (StepKind::Unchanged, Vec::new())
                } else if unknown_only {
                    (StepKind::Unchanged, changes)
                } else {
                    (StepKind::Amended, changes)
                }
            }
            (_, false) => (StepKind::Added, Vec::new()),
            (Some(before), true) if !before.is_empty() => (StepKind::Removed, Vec::new()),
            (_, true) => (StepKind::Absent, Vec::new()),
        };
        if kind != StepKind::Unknown {
            last = Some(entries.clone());
        }
        steps.push(Step {
            plan: plan.id.clone(),
            date: plan.date,
            kind,
            entries,
            alternatives,
            changes,
            notes,
        });
    }
    Evolution {
        subject: subject.clone(),
        steps,
    }
}
