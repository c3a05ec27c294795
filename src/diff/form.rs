//! The serde form of a diff, the JSON schema `peacediff/diff/2` (documented with
//! examples in `render::json`): every clause is written once, and a provision
//! change names its provisions by their place in clauses written in full.
//!
//! - A clause in full is its place (`index`, `id`, `number`) followed by the other
//!   fields of the clause as a plan file writes them; a clause ref is the place alone.
//! - The new clause of an unchanged group is a ref: it equals the old clause but for
//!   its id and number. Every other clause is written in full.
//! - A provision change's `before` and `after` are `{"clause": id, "provision": i}`,
//!   the `i`-th provision of that clause on the diff's old or new side. A provision
//!   its clause does not hold (only a diff edited in code has one) is written in full
//!   in place of the index.
//!
//! Read back, a ref becomes a copy of the group's old clause with the ref's id and
//! number, and each index the provision it points at, so that the diff read equals
//! the diff written.

use std::borrow::Cow;
use std::fmt;

use foldhash::{HashMap, HashMapExt};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::pairing::same_but_numbering;
use super::{
    ClauseChange, ClauseChangeKind, PlacedClause, PlacedProvision, PlanDiff, ProvisionChange,
    ProvisionChangeKind,
};
use crate::cell::{Absence, FieldChange};
use crate::model::{Clause, Confidence, Note, Provision, Reading, Subject};
use crate::text::bounded;

/// A clause in full: its place, then its fields as in a plan file.
#[derive(Serialize)]
struct FullClause<'r> {
    index: usize,
    id: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'r str>,
    text: &'r str,
    provisions: &'r [Provision],
    sources: &'r [String],
    confidence: Confidence,
    #[serde(skip_serializing_if = "<[Note]>::is_empty")]
    notes: &'r [Note],
    #[serde(skip_serializing_if = "<[Reading]>::is_empty")]
    alternatives: &'r [Reading],
}

impl<'r> FullClause<'r> {
    fn of(index: usize, clause: &'r Clause) -> Self {
        // Every field by name, so that a field added to clauses cannot be left out here.
        let Clause {
            id,
            number,
            text,
            provisions,
            sources,
            confidence,
            notes,
            alternatives,
        } = clause;
        FullClause {
            index,
            id,
            number: number.as_deref(),
            text,
            provisions,
            sources,
            confidence: *confidence,
            notes,
            alternatives,
        }
    }
}

/// A clause ref: the place of a clause whose content is written elsewhere.
#[derive(Serialize)]
struct ClauseRef<'r> {
    index: usize,
    id: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'r str>,
}

/// A placed clause serialises in full.
impl Serialize for PlacedClause<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        FullClause::of(self.index, &self.clause).serialize(serializer)
    }
}

/// A side of a group written as refs.
struct Refs<'r, 'a>(&'r [PlacedClause<'a>]);

impl Serialize for Refs<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|placed| ClauseRef {
            index: placed.index,
            id: placed.clause.id(),
            number: placed.clause.number.as_deref(),
        }))
    }
}

impl ClauseChange<'_> {
    /// Whether the new side is written as a ref to the old clause.
    fn new_side_is_ref(&self) -> bool {
        self.kind == ClauseChangeKind::Unchanged
            && matches!((self.before.as_slice(), self.after.as_slice()),
                ([old], [new]) if same_but_numbering(&old.clause, &new.clause))
    }
}

/// A clause change serialises with its wording diff, computed as it is written.
impl Serialize for ClauseChange<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wording = self.wording();
        let fields = if wording.is_empty() { 5 } else { 6 };
        let mut out = serializer.serialize_struct("ClauseChange", fields)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("before", &self.before)?;
        if self.new_side_is_ref() {
            out.serialize_field("after", &Refs(&self.after))?;
        } else {
            out.serialize_field("after", &self.after)?;
        }
        out.serialize_field("moved", &self.moved)?;
        out.serialize_field("renumbered", &self.renumbered)?;
        if wording.is_empty() {
            out.skip_field("wording")?;
        } else {
            out.serialize_field("wording", &wording)?;
        }
        out.end()
    }
}

/// A diff serialises its clause changes, then its provision changes by their
/// place in the clauses.
impl Serialize for PlanDiff<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("PlanDiff", 4)?;
        out.serialize_field("from", &self.from)?;
        out.serialize_field("to", &self.to)?;
        out.serialize_field("clauses", &self.clauses)?;
        out.serialize_field("provisions", &Provisions(self))?;
        out.end()
    }
}

/// The clauses of each side of a diff by id.
struct Sides<'r> {
    old: HashMap<&'r str, &'r Clause>,
    new: HashMap<&'r str, &'r Clause>,
}

impl<'r> Sides<'r> {
    fn of(changes: &'r [ClauseChange<'_>]) -> Self {
        // Most groups hold one clause a side: as many entries as groups, each map
        // allocated once.
        Sides {
            old: by_id(changes.iter().flat_map(|c| &c.before), changes.len()),
            new: by_id(changes.iter().flat_map(|c| &c.after), changes.len()),
        }
    }
}

fn by_id<'r, 'a: 'r>(
    placed: impl Iterator<Item = &'r PlacedClause<'a>>,
    capacity: usize,
) -> HashMap<&'r str, &'r Clause> {
    let mut map = HashMap::with_capacity(capacity);
    for p in placed {
        // The first clause of an id wins, as when the form is read back.
        map.entry(p.clause.id()).or_insert(&*p.clause);
    }
    map
}

struct Provisions<'r, 'a>(&'r PlanDiff<'a>);

impl Serialize for Provisions<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sides = Sides::of(&self.0.clauses);
        serializer.collect_seq(self.0.provisions.iter().map(|change| ProvisionChangeView {
            subject: &change.subject,
            kind: change.kind,
            before: change.before.as_ref().map(|p| PlacedAt::of(p, &sides.old)),
            after: change.after.as_ref().map(|p| PlacedAt::of(p, &sides.new)),
            fields: &change.fields,
            absences: &change.absences,
        }))
    }
}

#[derive(Serialize)]
struct ProvisionChangeView<'r> {
    subject: &'r Subject,
    kind: ProvisionChangeKind,
    before: Option<PlacedAt<'r>>,
    after: Option<PlacedAt<'r>>,
    fields: &'r [FieldChange],
    #[serde(skip_serializing_if = "<[Absence]>::is_empty")]
    absences: &'r [Absence],
}

#[derive(Serialize)]
struct PlacedAt<'r> {
    clause: &'r str,
    provision: At<'r>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum At<'r> {
    Index(usize),
    Full(&'r Provision),
}

impl<'r> PlacedAt<'r> {
    fn of(placed: &'r PlacedProvision<'_>, side: &HashMap<&str, &'r Clause>) -> Self {
        let wanted: &Provision = &placed.provision;
        let index = side.get(placed.clause.as_ref()).and_then(|clause| {
            // A borrowed provision is found by its address, an owned one by its value.
            let provisions = &clause.provisions;
            provisions
                .iter()
                .position(|p| std::ptr::eq(p, wanted))
                .or_else(|| provisions.iter().position(|p| p == wanted))
        });
        PlacedAt {
            clause: &placed.clause,
            provision: index.map_or(At::Full(wanted), At::Index),
        }
    }
}

/// A clause as read: in full or a ref.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a clause: an object with `index`, `id` and, written in full, `text`, `provisions`, `sources` and `confidence`"
)]
struct ClauseRecord {
    index: usize,
    id: String,
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    provisions: Option<Vec<Provision>>,
    #[serde(default)]
    sources: Option<Vec<String>>,
    #[serde(default)]
    confidence: Option<Confidence>,
    #[serde(default)]
    notes: Option<Vec<Note>>,
    #[serde(default)]
    alternatives: Option<Vec<Reading>>,
}

enum Written<'a> {
    Full(PlacedClause<'a>),
    Ref {
        index: usize,
        id: String,
        number: Option<String>,
    },
}

impl ClauseRecord {
    /// [`ClauseRecord::read`], refusing with a message that names the clause at `at`.
    fn read_at<'a>(self, at: &str) -> Result<Written<'a>, String> {
        let id = self.id.clone();
        self.read()
            .map_err(|missing| neither(&format!("`{at}`, clause `{}`,", bounded(&id)), missing))
    }

    /// The clause, or the first field a clause in full lacks.
    fn read<'a>(self) -> Result<Written<'a>, &'static str> {
        let ClauseRecord {
            index,
            id,
            number,
            text,
            provisions,
            sources,
            confidence,
            notes,
            alternatives,
        } = self;
        match (text, provisions, sources, confidence) {
            (None, None, None, None) if notes.is_none() && alternatives.is_none() => {
                Ok(Written::Ref { index, id, number })
            }
            (Some(text), Some(provisions), Some(sources), Some(confidence)) => {
                Ok(Written::Full(PlacedClause {
                    index,
                    clause: Cow::Owned(Clause {
                        id,
                        number,
                        text,
                        provisions,
                        sources,
                        confidence,
                        notes: notes.unwrap_or_default(),
                        alternatives: alternatives.unwrap_or_default(),
                    }),
                }))
            }
            (text, provisions, sources, _) => Err(if text.is_none() {
                "text"
            } else if provisions.is_none() {
                "provisions"
            } else if sources.is_none() {
                "sources"
            } else {
                "confidence"
            }),
        }
    }
}

/// Why a clause written as neither ref nor in full is refused; `clause` names it.
fn neither(clause: &str, missing: &str) -> String {
    format!("{clause} is neither a ref (`index`, `id`, `number`) nor in full: it lacks `{missing}`")
}

/// A placed clause reads in full.
impl<'de> Deserialize<'de> for PlacedClause<'_> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = ClauseRecord::deserialize(deserializer)?;
        let id = record.id.clone();
        match record.read() {
            Ok(Written::Full(placed)) => Ok(placed),
            Ok(Written::Ref { .. }) => Err(de::Error::custom(format!(
                "clause `{}` is a ref where a clause in full is needed",
                bounded(&id)
            ))),
            Err(missing) => Err(de::Error::custom(neither(
                &format!("clause `{}`", bounded(&id)),
                missing,
            ))),
        }
    }
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a clause change: an object with `kind`, `before`, `after`, `moved` and `renumbered`"
)]
struct ClauseChangeRecord {
    kind: ClauseChangeKind,
    before: Vec<ClauseRecord>,
    after: Vec<ClauseRecord>,
    moved: bool,
    renumbered: bool,
    /// Derived from the texts: ignored.
    #[serde(default, rename = "wording")]
    _wording: IgnoredAny,
}

impl<'a> TryFrom<ClauseChangeRecord> for ClauseChange<'a> {
    type Error = String;

    fn try_from(record: ClauseChangeRecord) -> Result<Self, String> {
        let mut before = Vec::with_capacity(record.before.len());
        for (i, clause) in record.before.into_iter().enumerate() {
            match clause.read_at(&format!("before[{i}]"))? {
                Written::Full(placed) => before.push(placed),
                Written::Ref { id, .. } => {
                    return Err(format!(
                        "`before[{i}]`, clause `{}`, is a ref, but old clauses are written in full",
                        bounded(&id)
                    ));
                }
            }
        }
        let one_to_one = before.len() == 1 && record.after.len() == 1;
        let mut after = Vec::with_capacity(record.after.len());
        for (i, clause) in record.after.into_iter().enumerate() {
            match clause.read_at(&format!("after[{i}]"))? {
                Written::Full(placed) => after.push(placed),
                Written::Ref { index, id, number } => {
                    let Some(old) = before.first().filter(|_| one_to_one) else {
                        return Err(format!(
                            "`after[{i}]`, clause `{}`, is a ref, which only the one new clause of a one-to-one group may be",
                            bounded(&id)
                        ));
                    };
                    let mut clause = Clause::clone(&old.clause);
                    clause.id = id;
                    clause.number = number;
                    after.push(PlacedClause {
                        index,
                        clause: Cow::Owned(clause),
                    });
                }
            }
        }
        Ok(ClauseChange {
            kind: record.kind,
            before,
            after,
            moved: record.moved,
            renumbered: record.renumbered,
        })
    }
}

/// A clause change reads back from its own form; its wording is derived and ignored.
impl<'de> Deserialize<'de> for ClauseChange<'_> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ClauseChange::try_from(ClauseChangeRecord::deserialize(deserializer)?).map_err(de::Error::custom)
    }
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a provision change: an object with `subject`, `kind`, `before`, `after` and `fields`"
)]
struct ProvisionChangeRecord {
    subject: Subject,
    kind: ProvisionChangeKind,
    before: Option<PlacedRecord>,
    after: Option<PlacedRecord>,
    fields: Vec<FieldChange>,
    #[serde(default)]
    absences: Vec<Absence>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a placed provision: an object with `clause` and `provision`"
)]
struct PlacedRecord {
    clause: String,
    provision: AtRecord,
}

enum AtRecord {
    Index(usize),
    Full(Provision),
}

impl<'de> Deserialize<'de> for AtRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AtVisitor;

        impl<'de> Visitor<'de> for AtVisitor {
            type Value = AtRecord;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the provision's index in its clause, or a provision")
            }

            fn visit_u64<E: de::Error>(self, index: u64) -> Result<AtRecord, E> {
                usize::try_from(index)
                    .map(AtRecord::Index)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(index), &self))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AtRecord, A::Error> {
                Provision::deserialize(de::value::MapAccessDeserializer::new(map)).map(AtRecord::Full)
            }
        }

        deserializer.deserialize_any(AtVisitor)
    }
}

/// A diff reads back from its form, owning what it holds.
impl<'de> Deserialize<'de> for PlanDiff<'_> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const FIELDS: &[&str] = &["from", "to", "clauses", "provisions"];
        deserializer.deserialize_struct("PlanDiff", FIELDS, PlanDiffVisitor)
    }
}

struct PlanDiffVisitor;

impl<'de> Visitor<'de> for PlanDiffVisitor {
    type Value = PlanDiff<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a diff: an object with `from`, `to`, `clauses` and `provisions`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlanDiff<'static>, A::Error> {
        fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
            match slot.replace(value) {
                Some(_) => Err(E::duplicate_field(name)),
                None => Ok(()),
            }
        }
        let (mut from, mut to, mut clauses) = (None, None, None::<Vec<ClauseChange<'static>>>);
        let (mut provisions, mut early) = (None, None::<Vec<ProvisionChangeRecord>>);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "from" => once(&mut from, map.next_value()?, "from")?,
                "to" => once(&mut to, map.next_value()?, "to")?,
                "clauses" => once(&mut clauses, map.next_value()?, "clauses")?,
                "provisions" if provisions.is_some() || early.is_some() => {
                    return Err(de::Error::duplicate_field("provisions"));
                }
                // Provisions after the clauses, as written, are resolved as they are
                // read, so that an error names its place.
                "provisions" => match &clauses {
                    Some(changes) => {
                        provisions = Some(map.next_value_seed(ProvisionsSeed(&Sides::of(changes)))?)
                    }
                    None => early = Some(map.next_value()?),
                },
                // The `schema` field, or any other, is not the diff's.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let clauses = clauses.ok_or_else(|| de::Error::missing_field("clauses"))?;
        let provisions = match (provisions, early) {
            (Some(provisions), _) => provisions,
            (None, Some(records)) => {
                let sides = Sides::of(&clauses);
                let mut provisions = Vec::with_capacity(records.len());
                for (i, record) in records.into_iter().enumerate() {
                    let change = resolve(record, &sides)
                        .map_err(|message| de::Error::custom(format!("at `provisions[{i}]`, {message}")))?;
                    provisions.push(change);
                }
                provisions
            }
            (None, None) => return Err(de::Error::missing_field("provisions")),
        };
        Ok(PlanDiff {
            from: from.ok_or_else(|| de::Error::missing_field("from"))?,
            to: to.ok_or_else(|| de::Error::missing_field("to"))?,
            clauses,
            provisions,
        })
    }
}

/// The provision changes of a diff whose clauses are read.
struct ProvisionsSeed<'s, 'r>(&'s Sides<'r>);

impl<'de> de::DeserializeSeed<'de> for ProvisionsSeed<'_, '_> {
    type Value = Vec<ProvisionChange<'static>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ProvisionsSeed<'_, '_> {
    type Value = Vec<ProvisionChange<'static>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of provision changes")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut changes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(change) = seq.next_element_seed(ProvisionSeed(self.0))? {
            changes.push(change);
        }
        Ok(changes)
    }
}

/// One provision change, resolved against the diff's clauses.
struct ProvisionSeed<'s, 'r>(&'s Sides<'r>);

impl<'de> de::DeserializeSeed<'de> for ProvisionSeed<'_, '_> {
    type Value = ProvisionChange<'static>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        resolve(ProvisionChangeRecord::deserialize(deserializer)?, self.0).map_err(de::Error::custom)
    }
}

/// A provision change as read, its provisions taken from the clauses they name.
fn resolve(record: ProvisionChangeRecord, sides: &Sides<'_>) -> Result<ProvisionChange<'static>, String> {
    Ok(ProvisionChange {
        subject: record.subject,
        kind: record.kind,
        before: place(record.before, &sides.old, ("before", "old"))?,
        after: place(record.after, &sides.new, ("after", "new"))?,
        fields: record.fields,
        absences: record.absences,
    })
}

/// The provision a placed record points at on one side of the diff.
fn place(
    placed: Option<PlacedRecord>,
    side: &HashMap<&str, &Clause>,
    (field, name): (&str, &str),
) -> Result<Option<PlacedProvision<'static>>, String> {
    let Some(PlacedRecord { clause, provision }) = placed else {
        return Ok(None);
    };
    let provision = match provision {
        AtRecord::Full(provision) => provision,
        AtRecord::Index(index) => {
            let Some(held) = side.get(clause.as_str()) else {
                return Err(format!(
                    "`{field}` names clause `{}`, which is not on the diff's {name} side",
                    bounded(&clause)
                ));
            };
            held.provisions.get(index).cloned().ok_or_else(|| {
                format!(
                    "`{field}` names provision {index} of clause `{}`, which has {}",
                    bounded(&clause),
                    held.provisions.len()
                )
            })?
        }
    };
    Ok(Some(PlacedProvision {
        clause: Cow::Owned(clause),
        provision: Cow::Owned(provision),
    }))
}
