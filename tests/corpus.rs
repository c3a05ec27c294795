//! The bundled plans: counts and numbering as in the reference inventory, sources
//! on every clause, and a sample of typed values.

use peacediff::*;

fn plan(id: &str) -> &'static Plan {
    corpus::get(id).unwrap_or_else(|| panic!("no bundled plan `{id}`"))
}

fn labels(plan: &Plan) -> Vec<&str> {
    plan.clauses().values().map(Clause::label).collect()
}

/// The provisions of one clause on one subject.
fn provisions<'a>(plan: &'a Plan, clause: &str, subject: &str) -> Vec<&'a Provision> {
    plan.clauses()[clause]
        .provisions
        .iter()
        .filter(|p| p.subject().to_string() == subject)
        .collect()
}

/// The statuses and scopes of a clause's territory provisions on one subject.
fn statuses(plan: &Plan, clause: &str, subject: &str) -> Vec<(TerritoryStatus, Option<Scope>)> {
    provisions(plan, clause, subject)
        .into_iter()
        .map(|p| match p {
            Provision::Territory(t) => (t.status, t.scope),
            other => panic!("{} clause {clause}: {other:?}", plan.id),
        })
        .collect()
}

fn territory(plan: &Plan, clause: &str, subject: &str) -> Territory {
    match provisions(plan, clause, subject).as_slice() {
        [Provision::Territory(t)] => t.clone(),
        other => panic!("{} clause {clause}: {other:?}", plan.id),
    }
}

/// The six texts of the US-led talks of 2025, bundled first.
const SIX: [&str; 6] = [
    "witkoff-2025-04",
    "european-ukrainian-2025-04",
    "us-28-point-2025-11",
    "geneva-revision-2025-11",
    "e3-counter-2025-11",
    "ukraine-20-point-2025-12",
];

#[test]
fn the_plans_are_bundled_in_date_order() {
    let ids: Vec<&str> = corpus::all().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "minsk-ii-2015-02",
            "istanbul-communique-2022-03",
            "istanbul-draft-2022-04",
            "peace-formula-2022-11",
            "china-position-2023-02",
            "putin-conditions-2024-06",
            "witkoff-2025-04",
            "european-ukrainian-2025-04",
            "ukraine-memorandum-2025-06",
            "russia-memorandum-2025-06",
            "us-28-point-2025-11",
            "geneva-revision-2025-11",
            "e3-counter-2025-11",
            "ukraine-20-point-2025-12",
        ]
    );
    // The six of 2025 keep their order among the others.
    let six: Vec<&str> = ids.iter().copied().filter(|id| SIX.contains(id)).collect();
    assert_eq!(six, SIX);
    // The clause counts the README's table gives.
    let counts: Vec<usize> = corpus::all().iter().map(|p| p.clauses().len()).collect();
    assert_eq!(counts, [14, 9, 21, 10, 12, 12, 18, 21, 13, 30, 50, 5, 28, 28]);
    for (name, id) in [
        ("kiloj plan", "european-ukrainian-2025-04"),
        ("Minsk II", "minsk-ii-2015-02"),
        ("Istanbul communiqué", "istanbul-communique-2022-03"),
        ("Peace Formula", "peace-formula-2022-11"),
        ("Russian memorandum", "russia-memorandum-2025-06"),
        ("Ukrainian memorandum", "ukraine-memorandum-2025-06"),
    ] {
        assert_eq!(corpus::get(name).unwrap().id, id, "{name}");
    }
    // No alias names two plans.
    let mut names: Vec<String> = corpus::all()
        .iter()
        .flat_map(|p| std::iter::once(&p.id).chain(&p.aliases))
        .map(|name| name.to_lowercase())
        .collect();
    let all = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), all);
    let dates: Vec<Date> = corpus::all().iter().map(|p| p.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn the_april_us_framework_has_its_18_bullets() {
    let expected: Vec<String> = (1..=18).map(|n| n.to_string()).collect();
    assert_eq!(labels(plan("witkoff-2025-04")), expected);
}

#[test]
fn the_april_counter_proposal_has_its_21_bullets() {
    let expected: Vec<String> = (1..=21).map(|n| n.to_string()).collect();
    assert_eq!(labels(plan("european-ukrainian-2025-04")), expected);
}

#[test]
fn the_28_point_draft_is_numbered_as_the_draft() {
    let expected = [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10a", "10b", "10c", "10d", "11", "12a", "12b", "12c",
        "12d", "12e", "12f", "13a", "13b", "13c", "14a", "14b", "14c", "14d", "15", "16", "17", "18", "19",
        "20", "20a", "20b", "20c", "21a", "21b", "21c", "21d", "22", "23", "24a", "24b", "24c", "24d", "25",
        "26", "27", "28",
    ];
    let plan = plan("us-28-point-2025-11");
    assert_eq!(labels(plan), expected);
    // Every point 1–28 is present, as a clause or through its sub-items.
    for point in 1..=28 {
        let point = point.to_string();
        assert!(
            labels(plan)
                .iter()
                .any(|l| l.trim_end_matches(char::is_alphabetic) == point),
            "point {point} missing"
        );
    }
}

#[test]
fn every_clause_cites_at_least_one_source_with_a_url() {
    for plan in corpus::all() {
        // Of the six 2025 texts only the November revisions are known in part; of
        // the others, none is known in full.
        let partial = !SIX.contains(&plan.id.as_str())
            || ["geneva-revision-2025-11", "e3-counter-2025-11"].contains(&plan.id.as_str());
        let expected = if partial {
            Completeness::Partial
        } else {
            Completeness::Complete
        };
        assert_eq!(plan.completeness, expected, "{}", plan.id);
        for clause in plan.clauses().values() {
            let sources: Vec<&Source> = plan.sources_of(clause).collect();
            assert!(!sources.is_empty(), "{} {}", plan.id, clause.id());
            assert_eq!(sources.len(), clause.sources.len(), "{} {}", plan.id, clause.id());
            for source in sources {
                assert!(
                    source.url.starts_with("http"),
                    "{} {}: {}",
                    plan.id,
                    clause.id(),
                    source.url
                );
                assert!(!source.outlet.is_empty() && !source.title.is_empty());
            }
        }
        // Every source listed is cited somewhere.
        for id in plan.sources().keys() {
            let cited = plan.clauses().values().any(|c| c.sources.contains(id))
                || plan.notes.iter().any(|n| n.sources.contains(id))
                || plan
                    .clauses()
                    .values()
                    .flat_map(|c| &c.notes)
                    .any(|n| n.sources.contains(id));
            assert!(cited, "{}: source {id} is never cited", plan.id);
        }
    }
}

#[test]
fn crimea_is_de_jure_in_april_and_de_facto_in_point_21a() {
    let april = territory(plan("witkoff-2025-04"), "7", "territory/crimea");
    assert_eq!(april.status, TerritoryStatus::RussianDeJure);
    assert_eq!(april.recognised_by, [Party::UnitedStates]);

    let november = plan("us-28-point-2025-11");
    for region in ["crimea", "luhansk", "donetsk"] {
        let t = territory(november, "21a", &format!("territory/{region}"));
        assert_eq!(t.status, TerritoryStatus::RussianDeFacto, "{region}");
    }
    // Ukraine leaves the part it holds, which becomes a buffer zone.
    let held = Some(Scope::UkrainianHeldPart);
    assert_eq!(
        statuses(november, "21d", "territory/donetsk"),
        [
            (TerritoryStatus::UkrainianWithdrawal, held),
            (TerritoryStatus::DemilitarisedBufferZone, held)
        ]
    );
}

#[test]
fn point_6_caps_the_army_at_600000() {
    let provisions = provisions(plan("us-28-point-2025-11"), "6", "military/armed-forces-cap");
    let [Provision::Military(cap)] = provisions.as_slice() else {
        panic!("{provisions:?}")
    };
    assert_eq!((cap.stance, cap.cap), (MilitaryStance::Capped, Some(600_000)));

    let counter = self::provisions(
        plan("european-ukrainian-2025-04"),
        "9",
        "military/armed-forces-cap",
    );
    let [Provision::Military(free)] = counter.as_slice() else {
        panic!("{counter:?}")
    };
    assert_eq!((free.stance, free.cap), (MilitaryStance::Unrestricted, None));
}

#[test]
fn prisoners_of_war_are_exchanged_all_for_all_in_april_and_in_point_24() {
    for (id, clause) in [
        ("european-ukrainian-2025-04", "5"),
        ("us-28-point-2025-11", "24a"),
    ] {
        let pows = provisions(plan(id), clause, "prisoners/pows");
        let [Provision::Prisoners(p)] = pows.as_slice() else {
            panic!("{id} {clause}: {pows:?}")
        };
        assert_eq!(p.terms, HumanitarianTerms::AllForAll, "{id} {clause}");
    }
}

#[test]
fn frozen_assets_carry_amounts_and_shares() {
    let assets = provisions(plan("us-28-point-2025-11"), "14a", "economy/frozen-assets");
    let [Provision::Economy(fund)] = assets.as_slice() else {
        panic!("{assets:?}")
    };
    assert_eq!(
        fund.amount,
        Some(Money {
            billions: 100,
            currency: Currency::Usd,
            target: false,
        })
    );
    assert_eq!(fund.us_profit_share_percent, Some(50));
}

#[test]
fn recorded_disagreements_and_absences_are_kept_as_notes() {
    let april = plan("witkoff-2025-04");
    let absent: Vec<String> = april
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Absent)
        .flat_map(|n| n.subjects.iter().map(ToString::to_string))
        .collect();
    assert!(
        absent.contains(&"military/armed-forces-cap".to_owned()),
        "{absent:?}"
    );
    let npp = &april.clauses()["11"];
    assert!(npp.notes.iter().any(|n| n.kind == NoteKind::Disagreement));

    let counter = plan("european-ukrainian-2025-04");
    assert_eq!(counter.clauses()["21"].confidence, Confidence::Medium);
    assert!(
        counter.clauses()["21"]
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::Partial)
    );

    let november = plan("us-28-point-2025-11");
    for clause in ["14a", "17"] {
        let notes = &november.clauses()[clause].notes;
        assert!(
            notes.iter().any(|n| n.kind == NoteKind::Disagreement),
            "point {clause}"
        );
    }
}

#[test]
fn every_bundled_plan_survives_a_json_round_trip() {
    for plan in corpus::all() {
        let again = Plan::from_json(&plan.to_json()).unwrap();
        assert_eq!(&again, plan);
    }
}

#[test]
fn typed_topics_cover_the_six_2025_texts() {
    // The six 2025 texts use typed provisions throughout; `other` is for what the
    // typed topics cannot say.
    for id in SIX {
        let plan = plan(id);
        for (clause, provision) in plan.provisions() {
            assert!(provision.is_typed(), "{} {}: {provision:?}", plan.id, clause.id());
            assert!(provision.subject().is_known(), "{} {}", plan.id, clause.id());
        }
    }
}

#[test]
fn the_other_plans_type_what_the_topics_can_say() {
    for plan in corpus::all().iter().filter(|p| !SIX.contains(&p.id.as_str())) {
        let (mut typed, mut free) = (0, 0);
        for (clause, provision) in plan.provisions() {
            match provision {
                Provision::Other(other) => {
                    free += 1;
                    assert!(!other.summary.trim().is_empty(), "{} {}", plan.id, clause.id());
                }
                _ => {
                    typed += 1;
                    assert!(provision.subject().is_known(), "{} {}", plan.id, clause.id());
                }
            }
        }
        // At least half of every plan is typed, and no plan says a subject is
        // absent: no source says any of them leaves one out.
        assert!(typed >= free, "{}: {typed} typed, {free} free", plan.id);
        assert_eq!(plan.absent_subjects().count(), 0, "{}", plan.id);
        assert!(plan.summary.len() > 100, "{}", plan.id);
    }
}

fn one<'a>(plan: &'a Plan, clause: &str, subject: &str) -> &'a Provision {
    match provisions(plan, clause, subject).as_slice() {
        [p] => p,
        other => panic!("{} clause {clause}, {subject}: {other:?}", plan.id),
    }
}

fn military(plan: &Plan, clause: &str) -> Military {
    match one(plan, clause, "military/armed-forces-cap") {
        Provision::Military(m) => m.clone(),
        other => panic!("{other:?}"),
    }
}

fn governance(plan: &Plan, clause: &str, subject: &str) -> Governance {
    match one(plan, clause, subject) {
        Provision::Governance(g) => g.clone(),
        other => panic!("{other:?}"),
    }
}

fn nato_stance(plan: &Plan, clause: &str) -> NatoStance {
    match one(plan, clause, "nato/ukraine-membership") {
        Provision::Nato(n) => n.stance,
        other => panic!("{other:?}"),
    }
}

#[test]
fn minsk_ii_has_its_13_points_and_the_footnote() {
    let minsk = plan("minsk-ii-2015-02");
    let mut expected: Vec<String> = (1..=13).map(|n| n.to_string()).collect();
    expected.insert(11, "11-footnote".to_owned());
    assert_eq!(labels(minsk), expected);
    let Provision::Ceasefire(truce) = one(minsk, "1", "ceasefire/terms") else {
        panic!()
    };
    assert_eq!(truce.kind, Some(CeasefireKind::Immediate));
    // Local elections, special status and the border: points 4, 9, 11 and 12.
    for clause in ["4", "12"] {
        assert_eq!(
            governance(minsk, clause, "governance/elections").stance,
            GovernanceStance::Required
        );
    }
    for region in ["donetsk", "luhansk"] {
        let t = territory(minsk, "9", &format!("territory/{region}"));
        assert_eq!(
            (t.status, t.scope),
            (TerritoryStatus::ReturnedToUkraine, Some(Scope::OccupiedPart))
        );
    }
    assert!(matches!(
        one(minsk, "11", "other/constitutional-reform"),
        Provision::Other(_)
    ));
    let footnote = &minsk.clauses()["11-footnote"];
    assert!(footnote.notes.iter().any(|n| n.kind == NoteKind::Partial));
    assert_eq!(
        governance(minsk, "11-footnote", "governance/religion-and-language").stance,
        GovernanceStance::Required
    );
}

#[test]
fn the_istanbul_communique_offers_neutrality_under_guarantees() {
    let communique = plan("istanbul-communique-2022-03");
    assert_eq!(
        labels(communique),
        [
            "1",
            "2",
            "3",
            "4",
            "5",
            "crimea-sevastopol",
            "donbas",
            "referendum",
            "sequencing"
        ]
    );
    assert_eq!(nato_stance(communique, "1"), NatoStance::Renounced);
    let Provision::Guarantees(guarantors) = one(communique, "2", "guarantees/guarantors") else {
        panic!()
    };
    for party in [
        Party::UnitedKingdom,
        Party::Russia,
        Party::UnitedStates,
        Party::Poland,
    ] {
        assert!(guarantors.guarantors.contains(&party), "{party:?}");
    }
    // Crimea: 15 years of talks without force; Donbas: left to the presidents.
    let crimea = territory(communique, "crimea-sevastopol", "territory/crimea");
    assert_eq!(crimea.status, TerritoryStatus::NoRecoveryByForce);
    let donbas = territory(communique, "donbas", "territory/donetsk");
    assert_eq!(donbas.status, TerritoryStatus::Bracketed);
    // Podolyak's sequencing rests on one low-authority copy.
    assert_eq!(communique.clauses()["sequencing"].confidence, Confidence::Low);
}

#[test]
fn the_2022_draft_keeps_both_sides_army_figures() {
    let draft = plan("istanbul-draft-2022-04");
    let russian = military(draft, "army-russia");
    let ukrainian = military(draft, "army-ukraine");
    assert_eq!(
        (russian.stance, russian.cap),
        (MilitaryStance::Capped, Some(85_000))
    );
    assert_eq!(
        (ukrainian.stance, ukrainian.cap),
        (MilitaryStance::Capped, Some(250_000))
    );
    // The figures follow the same reports; the variants stay notes.
    assert_eq!(
        draft.clauses()["army-russia"].sources,
        draft.clauses()["army-ukraine"].sources
    );
    assert!(
        draft.clauses()["army-russia"]
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::Disagreement && n.text.contains("100,000"))
    );
    // The guarantors as listed, and each side's bracketed addition as its proposal.
    let guarantors = &draft.clauses()["guarantors"];
    let [Provision::Guarantees(listed)] = guarantors.provisions.as_slice() else {
        panic!()
    };
    assert!(listed.guarantors.contains(&Party::China));
    let proposals: Vec<(Vec<Party>, Option<Party>)> = guarantors
        .alternatives
        .iter()
        .map(|reading| {
            let [Provision::Guarantees(g)] = reading.provisions.as_slice() else {
                panic!()
            };
            (reading.proposed_by.clone(), g.guarantors.last().copied())
        })
        .collect();
    assert_eq!(
        proposals,
        [
            (vec![Party::Russia], Some(Party::Belarus)),
            (vec![Party::Ukraine], Some(Party::Turkey))
        ]
    );
    // Both positions show in the subject's history, in the draft's step.
    let cap = Subject::parse("military/armed-forces-cap").unwrap();
    let history = evolution(&cap, &corpus::all().iter().collect::<Vec<_>>());
    let step = history.steps.iter().find(|s| s.plan == draft.id).unwrap();
    assert_eq!(step.kind, StepKind::Added);
    let caps: Vec<(&str, String)> = step
        .entries
        .iter()
        .map(|e| (e.clause.as_str(), e.provision.brief()))
        .collect();
    assert_eq!(
        caps,
        [
            ("army-russia", "capped · cap: 85,000".to_owned()),
            ("army-ukraine", "capped · cap: 250,000".to_owned())
        ]
    );
    // Crimea is left outside the treaty under Russian control, and only Russia
    // asks for Russian as an official language.
    let crimea = territory(draft, "8", "territory/crimea");
    assert_eq!(
        (crimea.status, crimea.recognised_by.len()),
        (TerritoryStatus::RussianDeFacto, 0)
    );
    assert!(
        draft.clauses()["language-russia"]
            .text
            .starts_with("Russian position:")
    );
    assert_eq!(
        governance(draft, "language-russia", "governance/religion-and-language").stance,
        GovernanceStance::Required
    );
}

#[test]
fn the_peace_formula_has_its_10_points() {
    let formula = plan("peace-formula-2022-11");
    let expected: Vec<String> = (1..=10).map(|n| n.to_string()).collect();
    assert_eq!(labels(formula), expected);
    let Provision::Nuclear(npp) = one(formula, "1", "nuclear/zaporizhzhia-npp") else {
        panic!()
    };
    assert_eq!(npp.stance, NuclearStance::ReturnedToUkraine);
    assert_eq!(
        (npp.operators.as_slice(), npp.supervisor),
        (&[Party::Ukraine][..], Some(Party::Iaea))
    );
    let Provision::Prisoners(pows) = one(formula, "4", "prisoners/pows") else {
        panic!()
    };
    assert_eq!(pows.terms, HumanitarianTerms::AllForAll);
    let withdrawal = territory(formula, "6", "territory/settlement");
    assert_eq!(withdrawal.status, TerritoryStatus::RussianWithdrawal);
}

#[test]
fn chinas_paper_has_its_12_points() {
    let china = plan("china-position-2023-02");
    let expected: Vec<String> = (1..=12).map(|n| n.to_string()).collect();
    assert_eq!(labels(china), expected);
    assert_eq!(china.sponsors, [Party::China]);
    let Provision::Sanctions(sanctions) = one(china, "10", "sanctions/russia") else {
        panic!()
    };
    assert_eq!(sanctions.lifting, Some(Lifting::Lifted));
    let Provision::Navigation(grain) = one(china, "9", "navigation/black-sea") else {
        panic!()
    };
    assert_eq!(grain.access, Access::FreeGrainShipping);
    let Provision::Nato(blocs) = one(china, "2", "nato/expansion") else {
        panic!()
    };
    assert_eq!(blocs.stance, NatoStance::Halted);
}

#[test]
fn putins_conditions_of_june_2024() {
    let putin = plan("putin-conditions-2024-06");
    // A speech, not a numbered text.
    assert!(putin.clauses().values().all(|c| c.number.is_none()));
    assert_eq!(putin.clauses().len(), 12);
    assert_eq!(nato_stance(putin, "nato-notice"), NatoStance::Renounced);
    let Provision::Sanctions(sanctions) = one(putin, "sanctions", "sanctions/russia") else {
        panic!()
    };
    assert_eq!(sanctions.lifting, Some(Lifting::Lifted));
    for region in ["crimea", "donetsk", "luhansk", "zaporizhzhia", "kherson"] {
        let t = territory(putin, "new-realities", &format!("territory/{region}"));
        assert_eq!(
            (t.status, t.scope),
            (TerritoryStatus::RussianDeJure, Some(Scope::Whole)),
            "{region}"
        );
    }
    // Ukraine's forces out of the four regions, areas Russia does not hold included.
    for region in ["donetsk", "luhansk", "zaporizhzhia", "kherson"] {
        assert_eq!(
            statuses(putin, "withdrawal", &format!("territory/{region}")),
            [(TerritoryStatus::UkrainianWithdrawal, Some(Scope::Whole))]
        );
    }
    // Demilitarisation without a figure.
    let cap = military(putin, "demilitarisation");
    assert_eq!((cap.stance, cap.cap), (MilitaryStance::Capped, None));
}

#[test]
fn the_ukrainian_memorandum_of_june_2025() {
    let memo = plan("ukraine-memorandum-2025-06");
    assert_eq!(
        labels(memo),
        [
            "I.1", "I.2", "I.3", "I.4", "I.5", "I.6", "I.7", "I.8", "II", "III.1", "III.2", "IV", "V"
        ]
    );
    let Provision::Ceasefire(truce) = one(memo, "I.1", "ceasefire/terms") else {
        panic!()
    };
    assert_eq!(truce.kind, Some(CeasefireKind::FullUnconditional));
    let Provision::Prisoners(children) = one(memo, "I.2", "prisoners/children") else {
        panic!()
    };
    assert_eq!(children.terms, HumanitarianTerms::UnconditionalReturn);
    assert_eq!(nato_stance(memo, "I.5"), NatoStance::ConsensusRequired);
    assert_eq!(military(memo, "I.5").stance, MilitaryStance::Unrestricted);
    // "Reliable" or "robust": the translations differ, and both are kept.
    let guarantee = &memo.clauses()["I.4"];
    let forms: Vec<Option<GuaranteeForm>> = std::iter::once(&guarantee.provisions[0])
        .chain(guarantee.alternatives.iter().flat_map(|r| &r.provisions))
        .map(|p| match p {
            Provision::Guarantees(g) => g.form,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        forms,
        [Some(GuaranteeForm::Reliable), Some(GuaranteeForm::Robust)]
    );
    let Provision::Monitoring(monitoring) = one(memo, "III.2", "monitoring/ceasefire") else {
        panic!()
    };
    assert_eq!(monitoring.lead, Some(Party::UnitedStates));
}

#[test]
fn the_russian_memorandum_of_june_2025() {
    let memo = plan("russia-memorandum-2025-06");
    let numbered: Vec<&str> = memo
        .clauses()
        .values()
        .filter_map(|c| c.number.as_deref())
        .collect();
    let expected: Vec<String> = (1..=13).map(|n| format!("I.{n}")).collect();
    assert_eq!(numbered, expected);
    // Two options for a ceasefire, the second of ten items, and six steps.
    let ids: Vec<&str> = memo.clauses().keys().map(String::as_str).collect();
    assert_eq!(ids.iter().filter(|id| id.starts_with("option-2-")).count(), 10);
    assert_eq!(ids.iter().filter(|id| id.starts_with("steps-")).count(), 6);
    // The territorial demands: the five regions, whole, recognised as Russian in
    // law, and Ukraine's forces out of all of them.
    for region in ["crimea", "luhansk", "donetsk", "zaporizhzhia", "kherson"] {
        let subject = format!("territory/{region}");
        assert_eq!(
            statuses(memo, "I.1", &subject),
            [
                (TerritoryStatus::RussianDeJure, Some(Scope::Whole)),
                (TerritoryStatus::UkrainianWithdrawal, Some(Scope::Whole))
            ],
            "{region}"
        );
        let [Provision::Territory(t), _] = provisions(memo, "I.1", &subject)[..] else {
            panic!("{region}")
        };
        assert_eq!(t.recognised_by, [Party::InternationalCommunity], "{region}");
    }
    // The ceasefire of option 1 starts with the withdrawal and lasts 30 days.
    let [Provision::Ceasefire(ceasefire)] = provisions(memo, "option-1", "ceasefire/terms")[..] else {
        panic!()
    };
    assert_eq!(
        (ceasefire.kind, ceasefire.length_days),
        (Some(CeasefireKind::WithWithdrawal), Some(30))
    );
    assert_eq!(nato_stance(memo, "I.2"), NatoStance::Renounced);
    let elections = governance(memo, "option-2-elections", "governance/elections");
    assert_eq!(
        (elections.stance, elections.within_days),
        (GovernanceStance::Required, Some(100))
    );
    // The sanctions scope stays open: the item-by-item reading and the broader one.
    let sanctions = &memo.clauses()["I.8"];
    let Provision::Sanctions(text) = &sanctions.provisions[0] else {
        panic!()
    };
    assert_eq!(
        (text.imposed_by.as_slice(), text.lifting),
        (&[Party::Ukraine][..], Some(Lifting::Lifted))
    );
    let [broader] = sanctions.alternatives.as_slice() else {
        panic!("{:?}", sanctions.alternatives)
    };
    let Provision::Sanctions(broader) = &broader.provisions[0] else {
        panic!()
    };
    assert!(broader.imposed_by.is_empty());
    assert!(sanctions.notes.iter().any(|n| n.kind == NoteKind::Disagreement));
    // What no copy mentions is unknown, not absent.
    let guarantees = Subject::parse("guarantees/ukraine").unwrap();
    assert!(!memo.covers(&guarantees));
}

#[test]
fn the_two_memoranda_differ_on_nato_the_army_and_territory() {
    let plans = [
        plan("ukraine-memorandum-2025-06"),
        plan("russia-memorandum-2025-06"),
    ];
    let comparison = compare(&plans).unwrap();
    for subject in [
        "nato/ukraine-membership",
        "military/armed-forces-cap",
        "military/foreign-troops",
    ] {
        let row = comparison.row(subject).unwrap();
        assert_eq!(row.status, RowStatus::Divergent, "{subject}");
    }
    // Russia asks for recognition and Ukraine's withdrawal; Ukraine refuses to
    // recognise any area taken since 2014, and names no region.
    let crimea = comparison.row("territory/crimea").unwrap();
    assert_eq!(crimea.status, RowStatus::Divergent);
    let refusal = &crimea.cells["ukraine-memorandum-2025-06"];
    assert!(
        matches!(&refusal[0].provision, Provision::Territory(t) if t.status == TerritoryStatus::NotRecognised)
    );
}
