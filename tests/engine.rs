//! The diff engine on the bundled plans: what a reader of the reference inventory knows.

use std::collections::BTreeSet;

use peacediff::*;
use serde_json::json;

mod common;

fn plan(id: &str) -> &'static Plan {
    corpus::get(id).unwrap()
}

const APRIL_US: &str = "witkoff-2025-04";
const APRIL_EU: &str = "european-ukrainian-2025-04";
const DRAFT_28: &str = "us-28-point-2025-11";

/// The comparison of the three core plans of April and November 2025.
fn core() -> Comparison {
    compare(&[plan(APRIL_US), plan(APRIL_EU), plan(DRAFT_28)]).unwrap()
}

#[test]
fn crimea_goes_from_de_jure_to_de_facto_as_a_field_change() {
    let d = diff(plan(APRIL_US), plan(DRAFT_28));
    let crimea: Vec<&ProvisionChange> = d
        .provisions
        .iter()
        .filter(|c| c.subject.to_string() == "territory/crimea")
        .collect();
    let [change] = crimea.as_slice() else {
        panic!("{crimea:?}")
    };
    assert_eq!(change.kind, ProvisionChangeKind::Amended);
    assert_eq!(change.before.as_ref().unwrap().clause, "7");
    assert_eq!(change.after.as_ref().unwrap().clause, "21a");
    let status = change.fields.iter().find(|f| f.path == "status").unwrap();
    let word = |w: &str| Some(FieldValue::Word(w.into()));
    assert_eq!(
        (status.before.clone(), status.after.clone()),
        (word("russian_de_jure"), word("russian_de_facto"))
    );
    assert_eq!(status.to_string(), "status: russian de jure → russian de facto");
}

#[test]
fn the_army_cap_is_a_number_in_the_draft_and_unrestricted_in_april() {
    let d = diff(plan(APRIL_EU), plan(DRAFT_28));
    let cap = common::change(&d, "military/armed-forces-cap");
    assert_eq!(cap.kind, ProvisionChangeKind::Amended);
    let paths: Vec<&str> = cap.fields.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["stance", "cap"]);
    assert_eq!(cap.fields[1].to_string(), "cap: not stated → 600,000");
}

#[test]
fn ukraines_nato_membership_diverges_three_ways() {
    let comparison = core();
    let row = comparison.row("nato/ukraine-membership").unwrap();
    assert_eq!(row.status, RowStatus::Divergent);
    assert_eq!(
        row.groups,
        [
            vec![APRIL_US.to_owned()],
            vec![APRIL_EU.to_owned()],
            vec![DRAFT_28.to_owned()]
        ]
    );
    let stances: Vec<String> = row.cells.values().map(|e| e[0].provision.brief()).collect();
    assert_eq!(stances, ["renounced", "consensus required", "barred"]);
}

#[test]
fn the_kinburn_spit_is_in_both_april_texts_and_they_agree() {
    let comparison = core();
    let row = comparison.row("territory/kinburn-spit").unwrap();
    // The two that speak agree; the draft leaves it out.
    assert_eq!(row.status, RowStatus::Consensus);
    assert_eq!(row.absent, [DRAFT_28]);
    assert_eq!(row.groups, [vec![APRIL_US.to_owned(), APRIL_EU.to_owned()]]);
    assert!(row.cells[DRAFT_28].is_empty());
}

#[test]
fn deported_children_appear_only_in_the_counter_proposal_and_point_24() {
    let comparison = core();
    let row = comparison.row("prisoners/children").unwrap();
    let clauses: Vec<Vec<&str>> = row
        .cells
        .values()
        .map(|entries| entries.iter().map(|e| e.clause.as_str()).collect())
        .collect();
    assert_eq!(clauses, [vec![], vec!["4"], vec!["24b"]]);
}

#[test]
fn april_territory_clauses_regroup_into_points_21a_21b() {
    let d = diff(plan(APRIL_US), plan(DRAFT_28));
    let labels = |cs: &[diff::PlacedClause]| {
        cs.iter()
            .map(|c| c.clause.label().to_owned())
            .collect::<BTreeSet<_>>()
    };
    let change = d
        .clauses
        .iter()
        .find(|c| c.before.iter().any(|p| p.clause.id() == "7"))
        .unwrap();
    assert_eq!(change.kind, ClauseChangeKind::Regrouped);
    assert_eq!(
        labels(&change.before),
        BTreeSet::from(["7".into(), "8".into(), "9".into()])
    );
    assert_eq!(
        labels(&change.after),
        BTreeSet::from(["21a".into(), "21b".into()])
    );
    assert!(!change.wording().is_empty());
    // Point 21d (Ukraine leaves the part of Donetsk it holds) has no counterpart
    // in April: a new clause on a subject other clauses also hold.
    let withdrawal = d
        .clauses
        .iter()
        .find(|c| c.after.iter().any(|p| p.clause.id() == "21d"))
        .unwrap();
    assert_eq!(withdrawal.kind, ClauseChangeKind::Inserted);
}

#[test]
fn diffs_apply_and_invert_on_every_pair_of_bundled_plans() {
    for a in corpus::all() {
        for b in corpus::all() {
            let d = diff(a, b);
            assert_eq!(&d.apply(a).unwrap(), b, "{} → {}", a.id, b.id);
            assert_eq!(d.clone().invert(), diff(b, a), "{} → {}", a.id, b.id);
            assert_eq!(&d.clone().invert().apply(b).unwrap(), a, "{} ← {}", a.id, b.id);
            assert_eq!(d.is_empty(), a == b);
            if a != b {
                assert!(d.apply(b).is_err(), "{} → {} applied to {}", a.id, b.id, b.id);
            }
        }
    }
}

#[test]
fn a_comparison_does_not_depend_on_plan_order() {
    let plans: Vec<&Plan> = corpus::all().iter().collect();
    let reference = compare(&plans).unwrap();
    let n = plans.len();
    // Every rotation, each forwards and backwards.
    let orders = (0..n).flat_map(|shift| {
        let forwards: Vec<usize> = (0..n).map(|i| (i + shift) % n).collect();
        let backwards: Vec<usize> = forwards.iter().rev().copied().collect();
        [forwards, backwards]
    });
    for order in orders {
        let permuted: Vec<&Plan> = order.iter().map(|&i| plans[i]).collect();
        let comparison = compare(&permuted).unwrap();
        assert_eq!(comparison.rows.len(), reference.rows.len());
        for (row, expected) in comparison.rows.iter().zip(&reference.rows) {
            assert_eq!(row.subject, expected.subject);
            assert_eq!(row.status, expected.status);
            let unknown: BTreeSet<&String> = row.unknown.iter().collect();
            assert_eq!(unknown, expected.unknown.iter().collect(), "{}", row.subject);
            for id in &reference.plans {
                assert_eq!(row.cells[id], expected.cells[id], "{} {id}", row.subject);
                let members = |r: &ComparisonRow| {
                    r.group_of(id)
                        .map(|g| r.groups[g].iter().cloned().collect::<BTreeSet<_>>())
                };
                assert_eq!(members(row), members(expected), "{} {id}", row.subject);
            }
        }
        for (i, a) in order.iter().enumerate() {
            for (j, b) in order.iter().enumerate() {
                assert_eq!(comparison.matrix[i][j], reference.matrix[*a][*b]);
            }
        }
    }
}

#[test]
fn a_comparison_refuses_two_plans_with_one_id() {
    let a = plan(APRIL_US);
    let err = compare(&[a, plan(APRIL_EU), a]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "two plans have the id `witkoff-2025-04`; plans compared together need distinct ids"
    );
}

#[test]
fn the_comparison_json_has_the_documented_shape() {
    let value: serde_json::Value = serde_json::from_str(&render::json::to_json(&core())).unwrap();
    assert_eq!(value["schema"], "peacediff/comparison/2");
    assert_eq!(value["plans"], json!([APRIL_US, APRIL_EU, DRAFT_28]));
    let row = value["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["subject"] == "territory/crimea")
        .unwrap();
    assert_eq!(row["topic"], "territory");
    assert_eq!(row["status"], "divergent");
    assert_eq!(row["absent"], json!([APRIL_EU]));
    assert_eq!(row["cells"][APRIL_EU], json!([]));
    assert_eq!(row["cells"][DRAFT_28][0]["number"], "21a");
    assert_eq!(row["cells"][DRAFT_28][0]["confidence"], "high");
    assert!(row["cells"][DRAFT_28][0]["sources"][0]["url"].is_string());
    assert_eq!(
        row["cells"][DRAFT_28][0]["provision"]["status"],
        "russian_de_facto"
    );
    assert_eq!(row["groups"], json!([[APRIL_US], [DRAFT_28]]));
}
