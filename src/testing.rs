//! Proptest strategies for every model type, related plans with their true
//! alignment, and the crate's [`laws`], for property tests of code that
//! uses this crate. Requires the `proptest` feature.
//!
//! Every strategy produces only valid values by construction: unique clause ids,
//! known subjects, numbers in range, non-empty texts, every clause citing a source
//! that the plan lists. [`Size`] sets the number of clauses, provisions per clause,
//! words per text and the mix of topics.
//!
//! ```
//! use peacediff::testing::{self, Size};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::default();
//! runner
//!     .run(&(testing::plan(), testing::plan()), |(a, b)| {
//!         peacediff::laws::diff_roundtrip(&a, &b).map_err(|v| TestCaseError::fail(v.to_string()))
//!     })
//!     .unwrap();
//! ```

use std::ops::RangeInclusive;

use indexmap::IndexMap;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

pub use crate::laws;
use crate::model::ranges;
use crate::synth::{self, Perturbation, Truth};
use crate::*;

/// Knobs for generated plans.
#[derive(Clone, Debug, PartialEq)]
pub struct Size {
    /// Number of clauses.
    pub clauses: RangeInclusive<usize>,
    /// Provisions per clause.
    pub provisions: RangeInclusive<usize>,
    /// Words per clause text and summary.
    pub words: RangeInclusive<usize>,
    /// The topics provisions are drawn from.
    pub topics: Vec<Topic>,
}

impl Default for Size {
    /// 1 to 8 clauses of 1 to 3 provisions, 1 to 12 words, every topic.
    fn default() -> Self {
        Size {
            clauses: 1..=8,
            provisions: 1..=3,
            words: 1..=12,
            topics: Topic::ALL.to_vec(),
        }
    }
}

impl Size {
    /// The default size with provisions of these topics only.
    pub fn topics(topics: &[Topic]) -> Size {
        Size {
            topics: topics.to_vec(),
            ..Size::default()
        }
    }
}

/// Words from a small vocabulary, so that generated texts share words.
const WORDS: [&str; 24] = [
    "ceasefire",
    "troops",
    "border",
    "sanctions",
    "guarantee",
    "return",
    "prisoners",
    "children",
    "region",
    "plant",
    "river",
    "vote",
    "council",
    "assets",
    "fund",
    "line",
    "contact",
    "treaty",
    "peace",
    "army",
    "zone",
    "law",
    "all",
    "not",
];

/// A text of `words` words.
pub fn text(words: RangeInclusive<usize>) -> impl Strategy<Value = String> {
    let (low, high) = (*words.start().max(&1), *words.end().max(&1));
    proptest::collection::vec(select(&WORDS[..]), low..=high).prop_map(|words| {
        let mut text = words.join(" ");
        text.push('.');
        text
    })
}

/// Any party.
pub fn party() -> impl Strategy<Value = Party> {
    select(Party::ALL)
}

fn parties() -> impl Strategy<Value = Vec<Party>> {
    proptest::collection::vec(party(), 0..3)
}

/// Any date from 1991 to 2100, sometimes to the month only, sometimes approximate.
pub fn date() -> impl Strategy<Value = Date> {
    (
        1991u16..=2100,
        1u8..=12,
        proptest::option::of(1u8..=28),
        any::<bool>(),
    )
        .prop_map(|(year, month, day, approximate)| Date {
            year,
            month,
            day,
            approximate,
        })
}

fn number<T>(range: (u64, u64)) -> impl Strategy<Value = T>
where
    T: TryFrom<u64> + std::fmt::Debug + Clone,
{
    (range.0..=range.1).prop_filter_map("in range", |n| T::try_from(n).ok())
}

fn optional<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(s)
}

/// A kebab-case slug for `other` provisions.
pub fn slug() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}"
}

/// A provision of `topic`, with a summary of `words` words for `other`.
pub fn provision(topic: Topic, words: RangeInclusive<usize>) -> BoxedStrategy<Provision> {
    match topic {
        Topic::Territory => (
            select(TerritorySubject::ALL),
            select(TerritoryStatus::ALL),
            optional(select(Scope::ALL)),
            parties(),
        )
            .prop_map(|(subject, status, scope, recognised_by)| {
                Provision::Territory(Territory {
                    subject,
                    status,
                    scope,
                    recognised_by,
                })
            })
            .boxed(),
        Topic::Nato => (
            select(NatoSubject::ALL),
            select(NatoStance::ALL),
            optional(party()),
            any::<bool>(),
        )
            .prop_map(|(subject, stance, mediator, after_signing)| {
                Provision::Nato(Nato {
                    subject,
                    stance,
                    mediator,
                    after_signing,
                })
            })
            .boxed(),
        Topic::Sanctions => (
            select(SanctionsSubject::ALL),
            parties(),
            optional(number::<u16>(ranges::YEAR)),
            optional(select(Lifting::ALL)),
            optional(select(Trigger::ALL)),
            (
                any::<bool>(),
                any::<bool>(),
                optional(select(SanctionsScope::ALL)),
            ),
        )
            .prop_map(
                |(
                    subject,
                    imposed_by,
                    since_year,
                    lifting,
                    trigger,
                    (military_response, benefits_revoked, scope),
                )| {
                    Provision::Sanctions(Sanctions {
                        subject,
                        imposed_by,
                        since_year,
                        lifting,
                        trigger,
                        military_response,
                        benefits_revoked,
                        scope,
                    })
                },
            )
            .boxed(),
        Topic::Guarantees => (
            select(GuaranteesSubject::ALL),
            optional(select(GuaranteeForm::ALL)),
            parties(),
            parties(),
            proptest::collection::vec(select(GuaranteeCondition::ALL), 0..3),
            optional(any::<bool>()),
        )
            .prop_map(|(subject, form, guarantors, parties, conditions, compensated)| {
                Provision::Guarantees(Guarantees {
                    subject,
                    form,
                    guarantors,
                    parties,
                    conditions,
                    compensated,
                })
            })
            .boxed(),
        Topic::Prisoners => (
            select(PrisonersSubject::ALL),
            select(HumanitarianTerms::ALL),
            parties(),
        )
            .prop_map(|(subject, terms, obliged)| {
                Provision::Prisoners(Prisoners {
                    subject,
                    terms,
                    obliged,
                })
            })
            .boxed(),
        Topic::Ceasefire => (
            select(CeasefireSubject::ALL),
            optional(select(CeasefireKind::ALL)),
            parties(),
            optional(number::<u32>(ranges::HOURS)),
            optional(number::<u32>(ranges::DAYS)),
            proptest::collection::vec(select(CeasefireKind::ALL), 0..2),
        )
            .prop_map(
                |(subject, kind, participants, within_hours, length_days, also_kinds)| {
                    Provision::Ceasefire(Ceasefire {
                        subject,
                        kind,
                        participants,
                        within_hours,
                        length_days,
                        also_kinds,
                    })
                },
            )
            .boxed(),
        Topic::Military => (
            select(MilitarySubject::ALL),
            select(MilitaryStance::ALL),
            optional(number::<u64>(ranges::TROOPS)),
            any::<bool>(),
            parties(),
        )
            .prop_map(|(subject, stance, cap, peacetime_only, forces)| {
                Provision::Military(Military {
                    subject,
                    stance,
                    cap,
                    peacetime_only,
                    forces,
                })
            })
            .boxed(),
        Topic::Economy => (
            select(EconomySubject::ALL),
            select(EconomyStance::ALL),
            optional((
                number::<u64>(ranges::BILLIONS),
                select(Currency::ALL),
                any::<bool>(),
            )),
            parties(),
            parties(),
            optional(number::<u8>(ranges::PERCENT)),
        )
            .prop_map(
                |(subject, stance, amount, funded_by, parties, us_profit_share_percent)| {
                    let amount = amount.map(|(billions, currency, target)| Money {
                        billions,
                        currency,
                        target,
                    });
                    Provision::Economy(Economy {
                        subject,
                        stance,
                        amount,
                        funded_by,
                        parties,
                        us_profit_share_percent,
                    })
                },
            )
            .boxed(),
        Topic::Nuclear => (
            select(NuclearSubject::ALL),
            select(NuclearStance::ALL),
            parties(),
            optional(party()),
            optional((party(), 0u8..=50, party(), 0u8..=50)),
            parties(),
            proptest::collection::vec(select(Treaty::ALL), 0..2),
        )
            .prop_map(
                |(subject, stance, operators, supervisor, split, parties, treaties)| {
                    let power_split = split
                        .map(|(a, pa, b, pb)| {
                            vec![
                                PowerShare {
                                    party: a,
                                    percent: Some(pa),
                                },
                                PowerShare {
                                    party: b,
                                    percent: Some(pb),
                                },
                            ]
                        })
                        .unwrap_or_default();
                    Provision::Nuclear(Nuclear {
                        subject,
                        stance,
                        operators,
                        supervisor,
                        power_split,
                        parties,
                        treaties,
                    })
                },
            )
            .boxed(),
        Topic::Governance => (
            select(GovernanceSubject::ALL),
            select(GovernanceStance::ALL),
            optional(number::<u32>(ranges::DAYS)),
            parties(),
        )
            .prop_map(|(subject, stance, within_days, parties)| {
                Provision::Governance(Governance {
                    subject,
                    stance,
                    within_days,
                    parties,
                })
            })
            .boxed(),
        Topic::Navigation => (select(NavigationSubject::ALL), select(Access::ALL), parties())
            .prop_map(|(subject, access, beneficiaries)| {
                Provision::Navigation(Navigation {
                    subject,
                    access,
                    beneficiaries,
                })
            })
            .boxed(),
        Topic::Monitoring => (
            select(MonitoringSubject::ALL),
            optional(party()),
            parties(),
            proptest::collection::vec(select(Means::ALL), 0..3),
            any::<(bool, bool)>(),
        )
            .prop_map(
                |(subject, lead, members, means, (legally_binding, sanctions_for_violations))| {
                    Provision::Monitoring(Monitoring {
                        subject,
                        lead,
                        members,
                        means,
                        legally_binding,
                        sanctions_for_violations,
                    })
                },
            )
            .boxed(),
        Topic::Eu => (
            select(EuSubject::ALL),
            select(EuStance::ALL),
            optional(number::<u16>(ranges::YEAR)),
        )
            .prop_map(|(subject, stance, by_year)| {
                Provision::Eu(Eu {
                    subject,
                    stance,
                    by_year,
                })
            })
            .boxed(),
        Topic::Other => (slug(), text(words))
            .prop_map(|(subject, summary)| Provision::Other(Other { subject, summary }))
            .boxed(),
    }
}

/// A subject: a known typed subject, or an `other/…` slug.
pub fn subject() -> impl Strategy<Value = Subject> {
    any_provision(&Size::default()).prop_map(|provision| provision.subject())
}

/// A provision of one of `size.topics`.
pub fn any_provision(size: &Size) -> BoxedStrategy<Provision> {
    let words = size.words.clone();
    let topics = if size.topics.is_empty() {
        vec![Topic::Other]
    } else {
        size.topics.clone()
    };
    select(topics)
        .prop_flat_map(move |topic| provision(topic, words.clone()))
        .boxed()
}

/// A source with the given id.
pub fn source(id: String) -> impl Strategy<Value = Source> {
    (
        select(&["Reuters", "AFP", "Axios", "Kyiv Independent"][..]),
        text(1..=6),
        "[a-z]{3,10}",
        date(),
    )
        .prop_map(move |(outlet, title, host, date)| Source {
            id: id.clone(),
            outlet: outlet.to_owned(),
            title,
            url: format!("https://{host}.example/article"),
            date,
        })
}

/// A note citing some of `sources`.
pub fn note(sources: Vec<String>) -> impl Strategy<Value = Note> {
    (
        select(NoteKind::ALL),
        text(2..=10),
        subsequence(sources.clone(), 0..=sources.len()),
        optional(select(Confidence::ALL)),
    )
        .prop_map(|(kind, text, sources, confidence)| Note {
            kind,
            subjects: Vec::new(),
            fields: Vec::new(),
            text,
            sources,
            confidence,
        })
}

/// A clause with id `id` citing at least one of `sources` (which must not be empty).
pub fn clause(id: String, size: &Size, sources: Vec<String>) -> BoxedStrategy<Clause> {
    let provisions = proptest::collection::vec(any_provision(size), size.provisions.clone());
    let cited = subsequence(sources.clone(), 1..=sources.len().max(1));
    (
        text(size.words.clone()),
        provisions,
        cited,
        select(Confidence::ALL),
        proptest::collection::vec(note(sources), 0..2),
        any::<bool>(),
    )
        .prop_map(
            move |(text, provisions, sources, confidence, notes, numbered)| Clause {
                id: id.clone(),
                number: numbered.then(|| format!("{id}.")),
                text,
                provisions,
                sources,
                confidence,
                notes,
                alternatives: Vec::new(),
            },
        )
        .boxed()
}

/// The parts of a clause before it gets its id and its citations resolved.
type ClauseParts = (
    String,
    Vec<Provision>,
    Vec<usize>,
    Confidence,
    bool,
    Option<(String, usize)>,
);

/// A valid plan of `size`.
///
/// Clauses, provisions and sources are generated as lists, so that shrinking
/// removes them one by one and failures come down to the smallest plans.
pub fn plan_with(size: Size) -> BoxedStrategy<Plan> {
    let clause = (
        text(size.words.clone()),
        proptest::collection::vec(any_provision(&size), size.provisions.clone()),
        proptest::collection::vec(0usize..3, 1..=3),
        select(Confidence::ALL),
        any::<bool>(),
        // An alternative reading of one of the clause's provisions.
        optional((text(size.words.clone()), any::<usize>())),
    );
    let note = (
        select(NoteKind::ALL),
        text(2..=10),
        proptest::collection::vec(0usize..3, 0..=2),
        proptest::collection::vec(subject(), 0..=2),
    );
    (
        "[a-z]{1,8}(-[a-z0-9]{1,4}){0,2}",
        text(1..=6),
        date(),
        select(Completeness::ALL),
        parties(),
        proptest::collection::vec(source(String::new()), 1..=3),
        proptest::collection::vec(clause, size.clauses),
        proptest::collection::vec(note, 0..2),
    )
        .prop_map(
            |(id, title, date, completeness, sponsors, sources, clauses, notes)| {
                let ids: Vec<String> = (1..=sources.len()).map(|n| format!("S{n}")).collect();
                // Citations are indices into the sources, folded into range and deduplicated.
                let cite = |indices: &[usize]| -> Vec<String> {
                    let mut cited: Vec<String> = Vec::new();
                    for i in indices {
                        if let Some(id) = ids.get(i % ids.len().max(1))
                            && !cited.contains(id)
                        {
                            cited.push(id.clone());
                        }
                    }
                    cited
                };
                let clauses = clauses.into_iter().enumerate().map(
                    |(n, (text, provisions, citations, confidence, numbered, reading)): (
                        usize,
                        ClauseParts,
                    )| {
                        let id = (n + 1).to_string();
                        let alternatives = reading
                            .and_then(|(text, pick)| {
                                let provision = provisions.get(pick % provisions.len().max(1))?.clone();
                                Some(Reading {
                                    proposed_by: Vec::new(),
                                    text,
                                    provisions: vec![provision],
                                    sources: cite(&citations),
                                    confidence: Confidence::Low,
                                })
                            })
                            .into_iter()
                            .collect();
                        let clause = Clause {
                            number: numbered.then(|| format!("{id}.")),
                            id: id.clone(),
                            text,
                            provisions,
                            sources: cite(&citations),
                            confidence,
                            notes: Vec::new(),
                            alternatives,
                        };
                        (id, clause)
                    },
                );
                let clauses: IndexMap<String, Clause> = clauses.collect();
                let stated: Vec<Subject> = clauses
                    .values()
                    .flat_map(|c| c.provisions.iter().map(Provision::subject))
                    .collect();
                let notes = notes
                    .into_iter()
                    .map(|(kind, text, citations, mut subjects)| {
                        // A position said unknown is one the plan does not state.
                        if kind == NoteKind::Unknown {
                            subjects.retain(|s| !stated.contains(s));
                        }
                        (kind, text, citations, subjects)
                    })
                    .map(|(kind, text, citations, subjects)| Note {
                        kind,
                        subjects,
                        fields: Vec::new(),
                        text,
                        sources: cite(&citations),
                        confidence: None,
                    })
                    .collect();
                let sources = sources
                    .into_iter()
                    .zip(&ids)
                    .map(|(source, id)| {
                        (
                            id.clone(),
                            Source {
                                id: id.clone(),
                                ..source
                            },
                        )
                    })
                    .collect::<IndexMap<_, _>>();
                Plan {
                    id,
                    title,
                    aliases: Vec::new(),
                    date,
                    sponsors,
                    completeness,
                    texts: crate::Texts::Original,
                    summary: String::new(),
                    notes,
                    sources,
                    clauses,
                }
            },
        )
        .boxed()
}

/// A valid plan of the default [`Size`].
pub fn plan() -> BoxedStrategy<Plan> {
    plan_with(Size::default())
}

/// A base plan and plans derived from it, each with the true correspondence of
/// its clauses to the base's.
#[derive(Clone, Debug)]
pub struct Related {
    /// The common ancestor.
    pub base: Plan,
    /// The descendants, each with its truth.
    pub derived: Vec<(Plan, Truth)>,
}

/// Perturbation rates from none to heavy, with or without renamed `other` slugs.
pub fn perturbation() -> impl Strategy<Value = Perturbation> {
    let rate = || 0.0..0.4f64;
    (
        rate(),
        rate(),
        rate(),
        rate(),
        rate(),
        rate(),
        rate(),
        any::<bool>(),
    )
        .prop_map(
            |(reword, amend, add, remove, shuffle, split, join, rename_untyped)| {
                let mut p = Perturbation::default();
                (p.reword, p.amend, p.add, p.remove, p.shuffle, p.split, p.join) =
                    (reword, amend, add, remove, shuffle, split, join);
                p.rename_untyped = rename_untyped;
                p
            },
        )
}

/// A synthetic base plan of 1 to `max_clauses` clauses and `descendants` plans
/// derived from it by random perturbations (see [`synth::perturb`]).
pub fn related(max_clauses: usize, descendants: usize) -> impl Strategy<Value = Related> {
    (
        1..=max_clauses.max(1),
        any::<u64>(),
        proptest::collection::vec((any::<u64>(), perturbation()), descendants),
    )
        .prop_map(|(clauses, seed, perturbations)| {
            let base = synth::plan(seed, &synth::Shape::clauses(clauses));
            let derived = perturbations
                .iter()
                .map(|(seed, perturbation)| synth::perturb(&base, *seed, perturbation))
                .collect();
            Related { base, derived }
        })
}

impl Arbitrary for Plan {
    type Parameters = Size;
    type Strategy = BoxedStrategy<Plan>;

    fn arbitrary_with(size: Size) -> Self::Strategy {
        plan_with(size)
    }
}

impl Arbitrary for Provision {
    type Parameters = Size;
    type Strategy = BoxedStrategy<Provision>;

    fn arbitrary_with(size: Size) -> Self::Strategy {
        any_provision(&size)
    }
}

impl Arbitrary for Clause {
    type Parameters = Size;
    type Strategy = BoxedStrategy<Clause>;

    fn arbitrary_with(size: Size) -> Self::Strategy {
        ("[a-z0-9]{1,6}", 1usize..=3)
            .prop_flat_map(move |(id, sources)| {
                clause(id, &size, (1..=sources).map(|n| format!("S{n}")).collect())
            })
            .boxed()
    }
}

macro_rules! arbitrary_keywords {
    ($($name:ident),* $(,)?) => {$(
        impl Arbitrary for $name {
            type Parameters = ();
            type Strategy = proptest::sample::Select<$name>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                select($name::ALL)
            }
        }
    )*};
}

arbitrary_keywords!(
    Party,
    Topic,
    Confidence,
    NoteKind,
    Completeness,
    TerritoryStatus,
    Scope,
    NatoStance,
    MilitaryStance
);

impl Arbitrary for Date {
    type Parameters = ();
    type Strategy = BoxedStrategy<Date>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        date().boxed()
    }
}
