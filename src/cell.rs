//! A plan's provisions on one subject as results show them: the entries of a
//! cell, the position they take, and the field changes from one provision to another.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::align::ProvisionRef;
use crate::model::{Clause, Confidence, FieldValue, Party, Plan, Provision, Source};

/// A provision of a plan in a result cell, with where it comes from: its clause,
/// how well the clause is attested, and the sources that report it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// The clause's id.
    pub clause: String,
    /// The clause's number as the plan gives it (its id when unnumbered).
    pub number: String,
    /// The clause's text.
    pub text: String,
    /// The provision.
    pub provision: Provision,
    /// How well the clause is attested.
    pub confidence: Confidence,
    /// The clause's sources, as the plan lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Other readings of the clause that sources report on the same subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<OtherReading>,
    /// The provision's fields whose values are not known (see
    /// [`Plan::unknown_fields`]): unstated, yet not left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}

/// A plan's note that it leaves a subject out, with where that comes from: an
/// absence rests on its sources, as a position does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Absence {
    /// What the note says.
    pub text: String,
    /// Its sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// How well it is attested, when the note says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Absence {
    /// The notes of kind [`Absent`](crate::NoteKind::Absent) of `plan` (its own and
    /// its clauses'), by the subjects they name, read once.
    pub(crate) fn by_subject(plan: &Plan) -> foldhash::HashMap<crate::Subject, Vec<Absence>> {
        let mut map: foldhash::HashMap<crate::Subject, Vec<Absence>> = Default::default();
        for note in plan.all_notes().filter(|n| n.kind == crate::NoteKind::Absent) {
            for subject in &note.subjects {
                map.entry(subject.clone()).or_default().push(Absence {
                    text: note.text.clone(),
                    sources: resolve(plan, &note.sources),
                    confidence: note.confidence,
                });
            }
        }
        map
    }
}

/// What other sources report a clause to say on a subject, in place of its own
/// provision, or a party's competing proposal for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OtherReading {
    /// Who proposes it, when it is a party's proposal (see [`Reading::proposed_by`](crate::Reading::proposed_by)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposed_by: Vec<Party>,
    /// The reading's provisions on the subject.
    pub provisions: Vec<Provision>,
    /// What the reading says, paraphrased.
    pub text: String,
    /// Its sources.
    pub sources: Vec<Source>,
    /// How well it is attested.
    pub confidence: Confidence,
}

impl OtherReading {
    /// How the reading is introduced: `reported otherwise`, or
    /// `proposed by united states, ukraine`.
    pub fn label(&self) -> String {
        crate::model::reading_label(&self.proposed_by)
    }

    /// The reading's provisions in words, `; ` between them.
    pub fn brief(&self) -> String {
        let briefs: Vec<String> = self.provisions.iter().map(Provision::brief).collect();
        briefs.join("; ")
    }
}

impl Entry {
    /// `provision` as `clause` of `plan` states it.
    pub(crate) fn new(plan: &Plan, clause: &Clause, provision: &Provision) -> Entry {
        Entry {
            clause: clause.id.clone(),
            number: clause.label().to_owned(),
            text: clause.text.clone(),
            provision: provision.clone(),
            confidence: clause.confidence,
            sources: resolve(plan, &clause.sources),
            readings: clause
                .alternatives
                .iter()
                .filter_map(|reading| {
                    let provisions: Vec<Provision> = reading
                        .provisions
                        .iter()
                        .filter(|p| p.subject() == provision.subject())
                        .cloned()
                        .collect();
                    (!provisions.is_empty()).then(|| OtherReading {
                        proposed_by: reading.proposed_by.clone(),
                        provisions,
                        text: reading.text.clone(),
                        sources: resolve(plan, &reading.sources),
                        confidence: reading.confidence,
                    })
                })
                .collect(),
            unknown: plan
                .unknown_fields(clause, &provision.subject())
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    /// The provision's position in words, with its unknown fields:
    /// `capped · cap: 600,000`, `led by: us president · sanctions for violations: not known`.
    pub fn brief(&self) -> String {
        let mut brief = self.provision.brief();
        for field in &self.unknown {
            if !brief.is_empty() {
                brief.push_str(" · ");
            }
            brief.push_str(&field.replace('_', " "));
            brief.push_str(": not known");
        }
        brief
    }

    /// The provisions a cell of an alignment points at in `plan`.
    pub(crate) fn cell(plan: &Plan, refs: &[ProvisionRef]) -> Vec<Entry> {
        refs.iter()
            .filter_map(|r| {
                let (_, clause) = plan.clauses.get_index(r.clause)?;
                Some(Entry::new(plan, clause, clause.provisions.get(r.provision)?))
            })
            .collect()
    }

    /// The field changes from one plan's provisions on a subject to another's,
    /// provision by provision in order.
    pub(crate) fn changes(before: &[Entry], after: &[Entry]) -> Vec<FieldChange> {
        before
            .iter()
            .zip(after)
            .flat_map(|(b, a)| {
                let (old, new) = (names(&b.unknown), names(&a.unknown));
                known_changes(&b.provision, &a.provision, &old, &new)
            })
            .collect()
    }
}

fn names(fields: &[String]) -> Vec<&str> {
    fields.iter().map(String::as_str).collect()
}

/// [`field_changes`], with a change of a field one side does not know marked
/// [`unknown`](FieldChange::unknown).
pub(crate) fn known_changes(
    before: &Provision,
    after: &Provision,
    unknown_before: &[&str],
    unknown_after: &[&str],
) -> Vec<FieldChange> {
    let mut changes = field_changes(before, after);
    if !unknown_before.is_empty() || !unknown_after.is_empty() {
        for change in &mut changes {
            let field = change.field();
            change.unknown = unknown_before.contains(&field) || unknown_after.contains(&field);
        }
    }
    changes
}

/// The sources of `plan` with these ids, in the order given; an id the plan
/// does not list (validation refuses one) is skipped.
pub(crate) fn resolve(plan: &Plan, ids: &[String]) -> Vec<Source> {
    ids.iter()
        .filter_map(|id| plan.sources.get(id).cloned())
        .collect()
}

/// What a plan holds on a subject, for telling whether two plans agree: its
/// distinct provisions, in a fixed order. An [`Other`](crate::Other) provision
/// counts by its summary, since its slug is a label, not a position.
pub(crate) fn position(entries: &[Entry]) -> Vec<Stance<'_>> {
    let mut stances: Vec<Stance<'_>> = entries
        .iter()
        .map(|entry| match &entry.provision {
            Provision::Other(other) => Stance::Said(&other.summary),
            typed => Stance::Typed(typed),
        })
        .collect();
    stances.sort();
    stances.dedup();
    stances
}

/// One element of a [`position`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stance<'a> {
    Typed(&'a Provision),
    Said(&'a str),
}

/// One changed field of a provision: its path and its value before and after
/// (`None` where that side leaves it unstated).
///
/// ```
/// use peacediff::{FieldValue, corpus, diff};
///
/// let (draft, e3) = (corpus::get("us-28-point-2025-11").unwrap(), corpus::get("e3-counter-2025-11").unwrap());
/// let changes = diff(draft, e3);
/// let cap = changes.provisions.iter().find(|p| p.subject.to_string() == "military/armed-forces-cap").unwrap();
/// assert_eq!(cap.fields[0].after, Some(FieldValue::Number(800_000)));
/// assert_eq!(cap.fields[0].to_string(), "cap: 600,000 → 800,000");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldChange {
    /// Dotted path of the field (`cap`, `amount.billions`).
    pub path: String,
    /// The old value.
    pub before: Option<FieldValue>,
    /// The new value.
    pub after: Option<FieldValue>,
    /// Whether the side without a value does not know it, rather than leaving
    /// it unstated: the change is then not known to be one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

impl FieldChange {
    /// The provision field the change is in: the first part of its path
    /// (`amount` for `amount.billions`), as notes of unknown fields name it.
    pub(crate) fn field(&self) -> &str {
        self.path.split('.').next().unwrap_or_default()
    }

    /// The same change seen from the other side.
    pub(crate) fn invert(self) -> Self {
        FieldChange {
            path: self.path,
            before: self.after,
            after: self.before,
            unknown: self.unknown,
        }
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.path.rsplit('.').next().unwrap_or_default();
        let show = |v: &Option<FieldValue>| match v {
            // A flag reads as yes or no, a year as itself: the label already names them.
            Some(value @ (FieldValue::Flag(_) | FieldValue::Number(_))) if !has_unit(name) => {
                value.to_string()
            }
            Some(value) => crate::model::reading(name, value),
            None if self.unknown => "not known".to_owned(),
            None => "not stated".to_owned(),
        };
        let label = self.path.replace(['_', '.'], " ");
        write!(f, "{label}: {} → {}", show(&self.before), show(&self.after))
    }
}

/// Whether a number field's reading adds a unit (`50%`, `100bn`, `30 days`).
fn has_unit(name: &str) -> bool {
    name.ends_with("percent") || name == "billions" || name.ends_with("_days") || name.ends_with("_hours")
}

/// The fields on which two provisions differ, in declaration order, recursing
/// into records.
pub(crate) fn field_changes(before: &Provision, after: &Provision) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let (old, new) = (before.fields(), after.fields());
    let named = |fields: &[(&str, Option<FieldValue>)]| -> Vec<(String, Option<FieldValue>)> {
        fields
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.clone()))
            .collect()
    };
    compare_fields("", &named(&old), &named(&new), &mut out);
    out
}

fn compare_fields(
    path: &str,
    old: &[(String, Option<FieldValue>)],
    new: &[(String, Option<FieldValue>)],
    out: &mut Vec<FieldChange>,
) {
    let find = |fields: &[(String, Option<FieldValue>)], name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    };
    // Fields in declaration order, then those only the new side has.
    let names = old.iter().map(|(name, _)| name).chain(
        new.iter()
            .map(|(name, _)| name)
            .filter(|name| !old.iter().any(|(n, _)| n == *name)),
    );
    for name in names {
        let path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        match (find(old, name), find(new, name)) {
            (Some(FieldValue::Record(a)), Some(FieldValue::Record(b))) => {
                let entries =
                    |record: indexmap::IndexMap<String, FieldValue>| -> Vec<(String, Option<FieldValue>)> {
                        record.into_iter().map(|(k, v)| (k, Some(v))).collect()
                    };
                compare_fields(&path, &entries(a), &entries(b), out);
            }
            (a, b) if a != b => out.push(FieldChange {
                path,
                before: a,
                after: b,
                unknown: false,
            }),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, Economy, EconomyStance, EconomySubject, Money};

    fn economy(billions: u64, currency: Currency, share: Option<u8>) -> Provision {
        Provision::Economy(Economy {
            subject: EconomySubject::FrozenAssets,
            stance: EconomyStance::UsLedFund,
            amount: Some(Money {
                billions,
                currency,
                target: false,
            }),
            funded_by: Vec::new(),
            parties: Vec::new(),
            us_profit_share_percent: share,
        })
    }

    #[test]
    fn records_change_field_by_field_and_absent_fields_read_as_unstated() {
        let before = economy(100, Currency::Usd, Some(50));
        let after = economy(100, Currency::Eur, None);
        let changes: Vec<String> = field_changes(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            changes,
            [
                "amount currency: usd → eur",
                "us profit share percent: 50% → not stated"
            ]
        );
        assert!(field_changes(&before, &before).is_empty());
        let back = field_changes(&after, &before);
        assert_eq!(
            back,
            field_changes(&before, &after)
                .into_iter()
                .map(FieldChange::invert)
                .collect::<Vec<_>>()
        );
    }
}
