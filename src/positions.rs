//! Plans set against the parties' stated positions: per subject, whose stated
//! position a plan matches, differs from, or leaves open.
//!
//! A party's stated positions are plans of its own, such as Russia's memorandum of
//! June 2025 or Ukraine's Peace Formula, given as [`Stated`]. The report is built
//! on [`compare`](crate::compare()): a plan matches a party on a subject when it is
//! in the same agreement group as one of the party's stated plans there, differs
//! when the party states a position and the plan takes another, and leaves it
//! open when the party states a position and the plan takes none (it leaves the
//! subject out, or its position is unknown). Where it differs, the field values it
//! shares with the party's stated plans are named. Subjects no party speaks to are
//! left out.
//!
//! ```
//! use peacediff::{Party, Stated, Verdict, corpus, positions};
//!
//! let plan = |id| corpus::get(id).unwrap();
//! let stated = Stated::defaults(|id| corpus::get(id)).unwrap();
//! let april = [plan("witkoff-2025-04"), plan("european-ukrainian-2025-04")];
//! let report = positions(&april, &stated).unwrap();
//!
//! // Russia's memorandum and Putin's conditions have Ukraine renounce NATO, as the
//! // April US framework does; the April counter-proposal leaves it to the allies,
//! // as Ukraine's memorandum does.
//! let nato = report.row("nato/ukraine-membership").unwrap();
//! let witkoff = nato.plans["witkoff-2025-04"].against(Party::Russia).unwrap();
//! assert_eq!(witkoff.verdict, Verdict::Matches);
//! assert_eq!(
//!     witkoff.to_string(),
//!     "matches Russia's stated positions of June 2025 (russia-memorandum-2025-06) and June 2024 (putin-conditions-2024-06)"
//! );
//! let counter = nato.plans["european-ukrainian-2025-04"].against(Party::Ukraine).unwrap();
//! assert_eq!(
//!     counter.to_string(),
//!     "matches Ukraine's stated position of about June 2025 (ukraine-memorandum-2025-06)"
//! );
//! ```

use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::compare::{Entry, SharedValue, compare};
use crate::model::keyword::keywords;
use crate::{Date, Error, Party, Plan, Subject, Topic};

/// A party and the plans that state its positions, in the order they are to be
/// consulted (the first that speaks to a subject is named first).
#[derive(Clone, Debug)]
pub struct Stated<'a> {
    /// The party.
    pub party: Party,
    /// Its stated positions.
    pub plans: Vec<&'a Plan>,
}

impl<'a> Stated<'a> {
    /// The bundled plans [`positions`] uses unless told otherwise, by id: Russia's
    /// memorandum of June 2025 and Putin's conditions of June 2024; Ukraine's
    /// memorandum of June 2025 and the Peace Formula of November 2022.
    pub const DEFAULTS: [(Party, [&'static str; 2]); 2] = [
        (
            Party::Russia,
            ["russia-memorandum-2025-06", "putin-conditions-2024-06"],
        ),
        (
            Party::Ukraine,
            ["ukraine-memorandum-2025-06", "peace-formula-2022-11"],
        ),
    ];

    /// [`Stated::DEFAULTS`], each id looked up with `get`; `None` if one is missing.
    pub fn defaults(get: impl Fn(&str) -> Option<&'a Plan>) -> Option<Vec<Stated<'a>>> {
        Self::DEFAULTS
            .iter()
            .map(|(party, ids)| {
                let plans = ids.iter().map(|id| get(id)).collect::<Option<Vec<_>>>()?;
                Some(Stated { party: *party, plans })
            })
            .collect()
    }
}

keywords! {
    /// How a plan stands on a subject against one party's stated position.
    pub enum Verdict: "verdict" {
        Matches = "matches": "The plan takes the position one of the party's stated plans takes.",
        Differs = "differs": "The party states a position and the plan takes another.",
        LeavesOpen = "leaves_open": "The party states a position and the plan takes none: it leaves the subject out, or its position is unknown.",
    }
}

/// One of a party's stated plans, as the report names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatedPlan {
    /// The plan's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// When it was stated.
    pub date: Date,
}

/// A party with its stated plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatedParty {
    /// The party.
    pub party: Party,
    /// Its stated plans, in the order given.
    pub plans: Vec<StatedPlan>,
}

/// A plan against one party on one subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Standing {
    /// The party.
    pub party: Party,
    /// How the plan stands.
    pub verdict: Verdict,
    /// The party's stated plans it is measured against: those it matches, or,
    /// when it matches none, those that state a position on the subject.
    pub against: Vec<StatedPlan>,
    /// Where it differs: the field values it shares with one of those plans
    /// (see [`ComparisonRow::shared`](crate::ComparisonRow::shared)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sharing: Vec<SharedValue>,
}

impl fmt::Display for Standing {
    /// In neutral words: `matches Russia's stated position of June 2025
    /// (russia-memorandum-2025-06)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.verdict {
            Verdict::Matches => "matches",
            Verdict::Differs => "differs from",
            Verdict::LeavesOpen => "leaves open",
        };
        let whens: Vec<String> = self
            .against
            .iter()
            .map(|plan| format!("{} ({})", month_year(plan.date), crate::text::plain(&plan.id)))
            .collect();
        let noun = if self.against.len() == 1 {
            "position"
        } else {
            "positions"
        };
        write!(
            f,
            "{verb} {}'s stated {noun} of {}",
            party_name(self.party),
            whens.join(" and ")
        )?;
        if !self.sharing.is_empty() {
            let values: Vec<String> = self.sharing.iter().map(ToString::to_string).collect();
            write!(f, ", sharing {}", crate::text::plain(&values.join("; ")))?;
        }
        Ok(())
    }
}

/// A party's name as a reader says it: `Russia`, `the United States`.
pub(crate) fn party_name(party: Party) -> String {
    match party {
        Party::Russia => "Russia".into(),
        Party::Ukraine => "Ukraine".into(),
        Party::UnitedStates => "the United States".into(),
        Party::EuropeanUnion => "the European Union".into(),
        Party::UnitedKingdom => "the United Kingdom".into(),
        Party::France => "France".into(),
        Party::Germany => "Germany".into(),
        Party::Poland => "Poland".into(),
        Party::Nato => "NATO".into(),
        Party::Osce => "the OSCE".into(),
        Party::UnitedNations => "the United Nations".into(),
        other => other.as_str().replace('_', " "),
    }
}

fn month_year(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS
        .get(usize::from(date.month).saturating_sub(1))
        .copied()
        .unwrap_or("?");
    format!(
        "{}{month} {}",
        if date.approximate { "about " } else { "" },
        date.year
    )
}

/// One assessed plan on one subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanStanding {
    /// The plan's provisions on the subject (empty when it takes no position).
    pub entries: Vec<Entry>,
    /// Whether its position is unknown, rather than left out, where it takes none.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
    /// Per party that states a position on the subject, in the parties' order.
    pub standings: Vec<Standing>,
}

impl PlanStanding {
    /// The standing against `party`, if it states a position on the subject.
    pub fn against(&self, party: Party) -> Option<&Standing> {
        self.standings.iter().find(|s| s.party == party)
    }
}

/// What one party's stated plans hold on a subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartyPosition {
    /// The party.
    pub party: Party,
    /// Per stated plan that takes a position on the subject, by id: its provisions.
    pub positions: IndexMap<String, Vec<Entry>>,
}

/// One subject: the parties' stated positions and each assessed plan against them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PositionRow {
    /// The subject.
    pub subject: Subject,
    /// Its topic.
    pub topic: Topic,
    /// Per party, in the parties' order, what its stated plans hold (empty when none speaks to it).
    pub stated: Vec<PartyPosition>,
    /// Per assessed plan id, in the order given.
    pub plans: IndexMap<String, PlanStanding>,
}

/// How one plan stands against one party over all subjects.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tally {
    /// Subjects on which it matches the party's stated position.
    pub matches: usize,
    /// Subjects on which it takes another position.
    pub differs: usize,
    /// Subjects on which it takes none.
    pub leaves_open: usize,
}

impl Tally {
    /// The share of subjects both speak to on which the plan matches the party,
    /// from 0 to 1; `None` when they share none.
    pub fn share(&self) -> Option<f64> {
        let shared = self.matches + self.differs;
        // Counts are far below 2^52, so the conversion is exact.
        (shared > 0).then(|| self.matches as f64 / shared as f64)
    }
}

/// Plans set against the parties' stated positions. Build one with [`positions`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Positions {
    /// The assessed plan ids, in the order given.
    pub plans: Vec<String>,
    /// The parties and their stated plans, in the order given.
    pub parties: Vec<StatedParty>,
    /// One row per subject some party speaks to, in topic then subject order.
    pub rows: Vec<PositionRow>,
    /// Per assessed plan id: per party, in the parties' order, its tally.
    pub summary: IndexMap<String, Vec<(Party, Tally)>>,
}

impl Positions {
    /// The row of a subject written `topic/slug`.
    pub fn row(&self, subject: &str) -> Option<&PositionRow> {
        self.rows.iter().find(|row| row.subject.to_string() == subject)
    }

    /// How plan `id` stands against `party` over all subjects.
    pub fn tally(&self, id: &str, party: Party) -> Option<Tally> {
        let tallies = self.summary.get(id)?;
        tallies.iter().find(|(p, _)| *p == party).map(|(_, tally)| *tally)
    }
}

/// Sets each of `plans` against the stated positions of each party in `stated`.
///
/// Fails when two plans share an id, as [`compare`](crate::compare()) does; a plan
/// may be both assessed and stated.
pub fn positions(plans: &[&Plan], stated: &[Stated]) -> Result<Positions, Error> {
    // Every plan once, assessed or stated, in one comparison.
    let mut all: Vec<&Plan> = Vec::new();
    for plan in plans.iter().chain(stated.iter().flat_map(|s| &s.plans)) {
        if !all.iter().any(|p| p.id == plan.id) {
            all.push(plan);
        }
    }
    let comparison = compare(&all)?;
    let named = |plan: &Plan| StatedPlan {
        id: plan.id.clone(),
        title: plan.title.clone(),
        date: plan.date,
    };
    let parties: Vec<StatedParty> = stated
        .iter()
        .map(|s| StatedParty {
            party: s.party,
            plans: s.plans.iter().map(|p| named(p)).collect(),
        })
        .collect();
    let ids: Vec<String> = plans.iter().map(|p| p.id.clone()).collect();
    let mut summary: IndexMap<String, Vec<(Party, Tally)>> = ids
        .iter()
        .map(|id| {
            (
                id.clone(),
                stated.iter().map(|s| (s.party, Tally::default())).collect(),
            )
        })
        .collect();
    let mut rows = Vec::new();
    for row in &comparison.rows {
        // Per party, its stated plans that take a position on the subject, once per row.
        let speaking: Vec<(Party, Vec<&StatedPlan>)> = parties
            .iter()
            .map(|party| {
                let stating =
                    |plan: &&StatedPlan| row.cells.get(&plan.id).is_some_and(|cell| !cell.is_empty());
                (party.party, party.plans.iter().filter(stating).collect())
            })
            .collect();
        if speaking.iter().all(|(_, plans)| plans.is_empty()) {
            continue;
        }
        let positions: Vec<PartyPosition> = speaking
            .iter()
            .map(|(party, plans)| PartyPosition {
                party: *party,
                positions: plans
                    .iter()
                    .map(|plan| {
                        (
                            plan.id.clone(),
                            row.cells.get(&plan.id).cloned().unwrap_or_default(),
                        )
                    })
                    .collect(),
            })
            .collect();
        let mut standings = IndexMap::new();
        for id in &ids {
            let entries = row.cells.get(id).cloned().unwrap_or_default();
            let group = row.group_of(id);
            let against: Vec<Standing> = speaking
                .iter()
                .filter_map(|(party, speaking)| {
                    if speaking.is_empty() {
                        return None;
                    }
                    let matching: Vec<StatedPlan> = speaking
                        .iter()
                        .filter(|plan| group.is_some() && row.group_of(&plan.id) == group)
                        .map(|plan| (*plan).clone())
                        .collect();
                    let (verdict, against) = match group {
                        None => (
                            Verdict::LeavesOpen,
                            speaking.iter().map(|p| (*p).clone()).collect(),
                        ),
                        Some(_) if !matching.is_empty() => (Verdict::Matches, matching),
                        Some(_) => (Verdict::Differs, speaking.iter().map(|p| (*p).clone()).collect()),
                    };
                    let sharing = if verdict == Verdict::Differs {
                        row.shared
                            .iter()
                            .filter(|value| {
                                value.plans.contains(id)
                                    && speaking.iter().any(|plan| value.plans.contains(&plan.id))
                            })
                            .cloned()
                            .collect()
                    } else {
                        Vec::new()
                    };
                    Some(Standing {
                        party: *party,
                        verdict,
                        against,
                        sharing,
                    })
                })
                .collect();
            if let Some(tallies) = summary.get_mut(id) {
                for standing in &against {
                    if let Some((_, tally)) = tallies.iter_mut().find(|(p, _)| *p == standing.party) {
                        match standing.verdict {
                            Verdict::Matches => tally.matches += 1,
                            Verdict::Differs => tally.differs += 1,
                            Verdict::LeavesOpen => tally.leaves_open += 1,
                        }
                    }
                }
            }
            standings.insert(
                id.clone(),
                PlanStanding {
                    entries,
                    unknown: row.unknown.contains(id),
                    standings: against,
                },
            );
        }
        rows.push(PositionRow {
            subject: row.subject.clone(),
            topic: row.topic,
            stated: positions,
            plans: standings,
        });
    }
    Ok(Positions {
        plans: ids,
        parties,
        rows,
        summary,
    })
}
