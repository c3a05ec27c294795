//! Provision fields as typed values: how diffs and comparisons read a position.
//!
//! [`Provision::fields`] walks a provision's fields in declaration order, each with
//! its JSON name and its [`FieldValue`]; a field the plan leaves unstated (an
//! absent option, an empty list, a `false` flag, just as the JSON form omits them)
//! has no value.
//!
//! ```
//! use peacediff::{FieldValue, corpus};
//!
//! let plan = corpus::get("us-28-point-2025-11").unwrap();
//! let cap = &plan.clauses()["6"].provisions[0];
//! let fields = cap.fields();
//! assert_eq!(fields[0], ("stance", Some(FieldValue::Word("capped".into()))));
//! assert_eq!(fields[1], ("cap", Some(FieldValue::Number(600_000))));
//! assert_eq!(cap.brief(), "capped · cap: 600,000");
//! ```

use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::provision::*;
use super::subject::Topic;

/// The value of one provision field, as people read it through `Display`
/// (`russian de facto`, `600,000`, `russia, ukraine`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FieldValue {
    /// A yes-or-no field.
    Flag(bool),
    /// A whole number: troops, days, hours, a year, percent or billions.
    Number(u64),
    /// A vocabulary value or a party, by its JSON name (`russian_de_facto`).
    Word(String),
    /// Several values, in the plan's order.
    List(Vec<FieldValue>),
    /// A value made of named fields, such as an amount of money.
    Record(IndexMap<String, FieldValue>),
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Flag(true) => f.write_str("yes"),
            FieldValue::Flag(false) => f.write_str("no"),
            // Separators from five digits on, so that years stay 2014.
            FieldValue::Number(n) if *n >= 10_000 => f.write_str(&thousands(*n)),
            FieldValue::Number(n) => write!(f, "{n}"),
            // Vocabulary names read as words: `russian_de_facto` → `russian de facto`.
            FieldValue::Word(word) => f.write_str(&word.replace('_', " ")),
            FieldValue::List(items) => {
                let items: Vec<String> = items.iter().map(ToString::to_string).collect();
                f.write_str(&items.join(", "))
            }
            FieldValue::Record(fields) => {
                let parts: Vec<String> = fields.iter().map(|(name, value)| reading(name, value)).collect();
                f.write_str(&parts.join(" "))
            }
        }
    }
}

/// A field's value with its name, unless its reading already says what it is:
/// `guarantors: united states`, but `since 2014` and `peacetime only`.
pub(crate) fn labelled(name: &str, value: &FieldValue) -> String {
    let read = reading(name, value);
    if read == value.to_string() && !matches!(value, FieldValue::Flag(_)) {
        format!("{}: {read}", name.replace('_', " "))
    } else {
        read
    }
}

/// A field's value with the unit its name gives: `50%`, `100bn`, `100 days`,
/// `since 2014`; a set flag reads as its name (`peacetime only`).
pub(crate) fn reading(name: &str, value: &FieldValue) -> String {
    let text = value.to_string();
    match value {
        FieldValue::Flag(true) => name.replace('_', " "),
        FieldValue::Number(_) if name.ends_with("percent") => format!("{text}%"),
        FieldValue::Number(_) if name == "billions" => format!("{text}bn"),
        FieldValue::Number(_) if name.ends_with("_days") => format!("{text} days"),
        FieldValue::Number(_) if name.ends_with("_hours") => format!("{text} hours"),
        FieldValue::Number(_) if name == "since_year" => format!("since {text}"),
        FieldValue::Number(_) if name == "by_year" => format!("by {text}"),
        _ => text,
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A field type's typed value; `None` where the JSON form omits the field.
pub(crate) trait ToField {
    fn to_field(&self) -> Option<FieldValue>;
}

impl ToField for bool {
    fn to_field(&self) -> Option<FieldValue> {
        self.then_some(FieldValue::Flag(true))
    }
}

impl ToField for Option<bool> {
    // An explicit `false` is a statement, unlike a plain flag left unset.
    fn to_field(&self) -> Option<FieldValue> {
        self.map(FieldValue::Flag)
    }
}

macro_rules! numbers {
    ($($ty:ty),*) => {$(
        impl ToField for $ty {
            fn to_field(&self) -> Option<FieldValue> {
                Some(FieldValue::Number(u64::from(*self)))
            }
        }
        impl ToField for Option<$ty> {
            fn to_field(&self) -> Option<FieldValue> {
                self.as_ref().and_then(ToField::to_field)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64);

impl<T: ToField> ToField for Vec<T> {
    fn to_field(&self) -> Option<FieldValue> {
        let items: Vec<FieldValue> = self.iter().filter_map(ToField::to_field).collect();
        (!items.is_empty()).then_some(FieldValue::List(items))
    }
}

/// Declares the typed walk of structs' fields. Each struct is destructured in full,
/// so a field added to a struct and not listed here does not compile. Records
/// (`record`) are values of other structs; topics (`topic`) skip their subject.
macro_rules! walks {
    ($(record $record:ident { $($rfield:ident),* })* $(topic $topic:ident { $($field:ident),* })*) => {
        $(
            impl ToField for $record {
                fn to_field(&self) -> Option<FieldValue> {
                    let $record { $($rfield),* } = self;
                    let fields = [$((stringify!($rfield), $rfield.to_field())),*];
                    let fields = fields.into_iter().filter_map(|(name, value)| Some((name.to_owned(), value?)));
                    Some(FieldValue::Record(fields.collect()))
                }
            }
            impl ToField for Option<$record> {
                fn to_field(&self) -> Option<FieldValue> {
                    self.as_ref().and_then(ToField::to_field)
                }
            }
        )*
        $(
            impl $topic {
                /// The JSON names of the fields after the subject, in declaration order.
                const FIELD_NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

                fn fields(&self) -> Vec<(&'static str, Option<FieldValue>)> {
                    let $topic { subject: _, $($field),* } = self;
                    vec![$((stringify!($field), $field.to_field())),*]
                }
            }
        )*
    };
}

walks! {
    record Money { billions, currency, target }
    record PowerShare { party, percent }
    topic Territory { status, scope, recognised_by }
    topic Nato { stance, mediator, after_signing }
    topic Sanctions { imposed_by, since_year, lifting, trigger, military_response, benefits_revoked, scope }
    topic Guarantees { form, guarantors, parties, conditions, compensated }
    topic Prisoners { terms, obliged }
    topic Ceasefire { kind, participants, within_hours, length_days, also_kinds }
    topic Military { stance, cap, peacetime_only, forces }
    topic Economy { stance, amount, funded_by, parties, us_profit_share_percent }
    topic Nuclear { stance, operators, supervisor, power_split, parties, treaties }
    topic Governance { stance, within_days, parties }
    topic Navigation { access, beneficiaries }
    topic Monitoring { lead, members, means, legally_binding, sanctions_for_violations }
    topic Eu { stance, by_year }
}

impl Topic {
    /// The JSON names of the fields its provisions have after the subject, in
    /// declaration order; none for [`Other`](Topic::Other).
    ///
    /// ```
    /// assert_eq!(peacediff::Topic::Military.field_names(), ["stance", "cap", "peacetime_only", "forces"]);
    /// ```
    pub fn field_names(self) -> &'static [&'static str] {
        match self {
            Topic::Territory => Territory::FIELD_NAMES,
            Topic::Nato => Nato::FIELD_NAMES,
            Topic::Sanctions => Sanctions::FIELD_NAMES,
            Topic::Guarantees => Guarantees::FIELD_NAMES,
            Topic::Prisoners => Prisoners::FIELD_NAMES,
            Topic::Ceasefire => Ceasefire::FIELD_NAMES,
            Topic::Military => Military::FIELD_NAMES,
            Topic::Economy => Economy::FIELD_NAMES,
            Topic::Nuclear => Nuclear::FIELD_NAMES,
            Topic::Governance => Governance::FIELD_NAMES,
            Topic::Navigation => Navigation::FIELD_NAMES,
            Topic::Monitoring => Monitoring::FIELD_NAMES,
            Topic::Eu => Eu::FIELD_NAMES,
            Topic::Other => &[],
        }
    }
}

impl Provision {
    /// The provision's fields after its subject, in declaration order, by JSON name;
    /// `None` for a field the plan leaves unstated. An [`Other`] provision has no
    /// fields: its slug and summary are wording, not a position.
    pub fn fields(&self) -> Vec<(&'static str, Option<FieldValue>)> {
        match self {
            Provision::Territory(p) => p.fields(),
            Provision::Nato(p) => p.fields(),
            Provision::Sanctions(p) => p.fields(),
            Provision::Guarantees(p) => p.fields(),
            Provision::Prisoners(p) => p.fields(),
            Provision::Ceasefire(p) => p.fields(),
            Provision::Military(p) => p.fields(),
            Provision::Economy(p) => p.fields(),
            Provision::Nuclear(p) => p.fields(),
            Provision::Governance(p) => p.fields(),
            Provision::Navigation(p) => p.fields(),
            Provision::Monitoring(p) => p.fields(),
            Provision::Eu(p) => p.fields(),
            Provision::Other(_) => Vec::new(),
        }
    }

    /// A short reading of the provision's position: its stated field values with
    /// their names and units, without topic and subject (`capped · cap: 600,000`). An [`Other`]
    /// provision reads as its summary.
    pub fn brief(&self) -> String {
        if let Provision::Other(other) = self {
            return other.summary.clone();
        }
        // The first field (the stance or status) reads alone; the others carry
        // their names unless their reading already says what they are.
        let parts: Vec<String> = self
            .fields()
            .into_iter()
            .enumerate()
            .filter_map(|(i, (name, value))| {
                let value = value?;
                Some(if i == 0 {
                    reading(name, &value)
                } else {
                    labelled(name, &value)
                })
            })
            .collect();
        parts.join(" · ")
    }
}
