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

fn territory(plan: &Plan, clause: &str, subject: &str) -> Territory {
    match provisions(plan, clause, subject).as_slice() {
        [Provision::Territory(t)] => t.clone(),
        other => panic!("{} clause {clause}: {other:?}", plan.id),
    }
}

#[test]
fn the_six_plans_are_bundled_in_date_order() {
    let ids: Vec<&str> = corpus::all().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "witkoff-2025-04",
            "european-ukrainian-2025-04",
            "us-28-point-2025-11",
            "geneva-revision-2025-11",
            "e3-counter-2025-11",
            "ukraine-20-point-2025-12",
        ]
    );
    assert!(corpus::all().windows(2).all(|w| w[0].date <= w[1].date));
    // The clause counts the README's table gives.
    let counts: Vec<usize> = corpus::all().iter().map(|p| p.clauses().len()).collect();
    assert_eq!(counts, [18, 21, 50, 5, 28, 28]);
    assert_eq!(
        corpus::get("kiloj plan").unwrap().id,
        "european-ukrainian-2025-04"
    );
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
        // Only the November revisions are known in part.
        let partial = ["geneva-revision-2025-11", "e3-counter-2025-11"].contains(&plan.id.as_str());
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
    let held = territory(november, "21d", "territory/donetsk");
    assert_eq!(held.scope, Some(Scope::UkrainianHeldPart));
    assert_eq!(held.status, TerritoryStatus::DemilitarisedBufferZone);
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
            currency: Currency::Usd
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
fn typed_topics_cover_the_bundled_plans() {
    // The bundled plans use typed provisions throughout; `other` is for user plans.
    for plan in corpus::all() {
        for (clause, provision) in plan.provisions() {
            assert!(provision.is_typed(), "{} {}: {provision:?}", plan.id, clause.id());
            assert!(provision.subject().is_known(), "{} {}", plan.id, clause.id());
        }
    }
}
