//! A diff as every format shows it: the header notes, then each visible clause
//! change with its typed changes first, where each side comes from, and its
//! wording; unknown changes apart from changes; a summary that counts them apart.

use std::collections::HashMap;

use super::sources::{Citations, Mark};
use crate::diff::{ClauseChange, PlacedClause, PlanHeader, WordChange, WordTag};
use crate::{ClauseChangeKind, Completeness, PlanDiff, ProvisionChange, ProvisionChangeKind, Source, Texts};

/// One clause change as shown.
pub(crate) struct ChangeView<'r, 'a> {
    /// The change.
    pub change: &'r ClauseChange<'a>,
    /// Its place among the shown changes, from 1 (for anchors).
    pub number: usize,
    /// `substituted 3 → 5, renumbered`.
    pub heading: String,
    /// Whether the change is unknown: a partial plan is silent on it.
    pub unknown: bool,
    /// The provision changes it carries, as sentences: `amended military/armed-forces-cap: cap: 600,000 → 800,000`.
    pub typed: Vec<String>,
    /// Each old and new clause's number and mark.
    pub old: Vec<(String, Mark)>,
    pub new: Vec<(String, Mark)>,
    /// Its word diff, computed once for every use.
    pub wording: Vec<WordChange>,
}

impl ChangeView<'_, '_> {
    /// Whether the group's wording is a comparison of two paraphrases: both
    /// sides have text, it changed, and a plan's texts are paraphrased.
    pub(crate) fn compares_paraphrases(&self, diff: &PlanDiff) -> bool {
        let paraphrased = [&diff.from, &diff.to]
            .iter()
            .any(|h| h.texts == Texts::Paraphrased);
        paraphrased
            && !self.unknown
            && !self.change.before.is_empty()
            && !self.change.after.is_empty()
            && !self.wording.is_empty()
    }

    /// The old and new texts: for an edited group, the word runs each side
    /// holds (kept and deleted words on the old side, kept and inserted on the
    /// new); for any other group, each side's text as it stands.
    pub(crate) fn sides(&self) -> [Vec<WordChange>; 2] {
        let text = |clauses: &[PlacedClause]| {
            let texts: Vec<&str> = clauses.iter().map(|c| c.clause.text.as_str()).collect();
            texts.join(" ")
        };
        let whole = |text: String| {
            if text.is_empty() {
                Vec::new()
            } else {
                vec![WordChange {
                    tag: WordTag::Equal,
                    text,
                }]
            }
        };
        let wording = &self.wording;
        if wording.is_empty() || self.change.before.is_empty() || self.change.after.is_empty() {
            return [whole(text(&self.change.before)), whole(text(&self.change.after))];
        }
        let side = |dropped: WordTag| -> Vec<WordChange> {
            wording.iter().filter(|run| run.tag != dropped).cloned().collect()
        };
        [side(WordTag::Insert), side(WordTag::Delete)]
    }
}

/// The lines that head a diff: the two plans, and what to keep in mind reading it.
pub(crate) fn notes(diff: &PlanDiff) -> Vec<String> {
    let mut notes = Vec::new();
    for (side, header) in [("old", &diff.from), ("new", &diff.to)] {
        if header.completeness == Completeness::Partial {
            notes.push(format!(
                "The {side} plan {} is known only in part: where it is silent, a change is unknown (?), not a deletion or an insertion.",
                header.id
            ));
        }
    }
    if [&diff.from, &diff.to]
        .iter()
        .any(|h| h.texts == Texts::Paraphrased)
    {
        notes.push(
            "Clause texts are paraphrases of the reporting: their wording compares paraphrases, not the plans' own words. The typed changes are the positions that changed."
                .to_owned(),
        );
    }
    notes
}

/// Whether a change is worth showing: anything but a clause that stayed where it was.
fn shown(change: &ClauseChange) -> bool {
    change.kind != ClauseChangeKind::Unchanged || change.moved || change.renumbered
}

/// The shown clause changes of `diff`, their sources cited in `citations`.
pub(crate) fn views<'r, 'a>(diff: &'r PlanDiff<'a>, citations: &mut Citations) -> Vec<ChangeView<'r, 'a>> {
    // Each plan's sources by id, looked up once per clause shown.
    let index = |header: &'r PlanHeader| -> HashMap<&'r str, &'r Source> {
        header.sources.iter().map(|s| (s.id(), s)).collect()
    };
    let (old_sources, new_sources) = (index(&diff.from), index(&diff.to));
    let marks = |citations: &mut Citations,
                 sources: &HashMap<&str, &Source>,
                 clauses: &[PlacedClause]|
     -> Vec<(String, Mark)> {
        clauses
            .iter()
            .map(|c| {
                let mark = citations.mark_ids(
                    |id| sources.get(id).copied(),
                    &c.clause.sources,
                    c.clause.confidence,
                );
                (c.clause.label().to_owned(), mark)
            })
            .collect()
    };
    super::clause_changes(diff)
        .filter(|(change, _)| shown(change))
        .enumerate()
        .map(|(k, (change, carried))| ChangeView {
            change,
            number: k + 1,
            heading: super::heading(change),
            unknown: change.kind == ClauseChangeKind::Unknown,
            typed: carried
                .into_iter()
                .map(|change| {
                    let line = provision_line(change);
                    let marks: Vec<Mark> = change
                        .absences
                        .iter()
                        .map(|a| citations.absence_mark(a))
                        .collect();
                    if marks.is_empty() {
                        line
                    } else {
                        format!("{line} — {}", super::left_out(&marks))
                    }
                })
                .collect(),
            old: marks(citations, &old_sources, &change.before),
            new: marks(citations, &new_sources, &change.after),
            wording: change.wording(),
        })
        .collect()
}

/// A provision change as a sentence, with the value where one side has none.
pub(crate) fn provision_line(change: &ProvisionChange) -> String {
    let brief = |side: &Option<crate::diff::PlacedProvision>| side.as_ref().map(|p| p.provision.brief());
    let subject = &change.subject;
    match change.kind {
        ProvisionChangeKind::Amended => {
            let fields: Vec<String> = change.fields.iter().map(ToString::to_string).collect();
            format!("amended {subject}: {}", fields.join("; "))
        }
        ProvisionChangeKind::Added => {
            format!("added {subject}: {}", brief(&change.after).unwrap_or_default())
        }
        ProvisionChangeKind::Removed => {
            format!("removed {subject}: {}", brief(&change.before).unwrap_or_default())
        }
        ProvisionChangeKind::Reworded => format!(
            "reworded {subject}, same position: {}",
            brief(&change.after).unwrap_or_default()
        ),
        ProvisionChangeKind::Unknown => {
            let (value, silent) = match (&change.before, &change.after) {
                (Some(_), _) => (brief(&change.before), "the new plan"),
                _ => (brief(&change.after), "the old plan"),
            };
            format!(
                "unknown {subject}: {}; {silent} is silent on it",
                value.unwrap_or_default()
            )
        }
        _ => format!("{} {subject}", change.kind),
    }
}

/// The diff's closing counts, changes and unknowns apart:
/// `Changed: 3 substituted, 1 joined (1 moved, 4 renumbered). Unknown: 38 clauses …`.
pub(crate) fn summary(diff: &PlanDiff) -> Vec<String> {
    let summary = diff.summary();
    let (mut changed, mut unknown_clauses) = (Vec::new(), 0);
    for (kind, n) in &summary.clauses {
        match kind {
            ClauseChangeKind::Unknown => unknown_clauses = *n,
            ClauseChangeKind::Unchanged => {}
            kind => changed.push((kind, *n)),
        }
    }
    let unchanged = summary
        .clauses
        .get(&ClauseChangeKind::Unchanged)
        .copied()
        .unwrap_or(0);
    let changed = if changed.is_empty() {
        "none".to_owned()
    } else {
        super::counts(changed)
    };
    let mut lines = vec![format!(
        "Clauses changed: {changed}; {unchanged} unchanged ({} moved, {} renumbered).",
        summary.moved, summary.renumbered
    )];
    let count = |kind| summary.provisions.get(&kind).copied().unwrap_or(0);
    let known: Vec<(ProvisionChangeKind, usize)> = [
        ProvisionChangeKind::Amended,
        ProvisionChangeKind::Added,
        ProvisionChangeKind::Removed,
    ]
    .into_iter()
    .map(|kind| (kind, count(kind)))
    .filter(|(_, n)| *n > 0)
    .collect();
    let known = if known.is_empty() {
        "none".to_owned()
    } else {
        super::counts(known)
    };
    let reworded = count(ProvisionChangeKind::Reworded);
    lines.push(format!(
        "Positions changed: {known}; {reworded} the same, reworded."
    ));
    let unknown_provisions = count(ProvisionChangeKind::Unknown);
    if unknown_clauses + unknown_provisions > 0 {
        lines.push(format!(
            "Unknown, not deleted: {unknown_clauses} clauses and {unknown_provisions} provisions on which a partial plan is silent."
        ));
    }
    lines
}
