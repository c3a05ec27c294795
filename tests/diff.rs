//! Each change kind of the two-plan diff on small hand-made plans.

use peacediff::diff::WordTag;
use peacediff::{ClauseChangeKind as C, Plan, ProvisionChangeKind as P, corpus, diff};
use serde_json::{Value, json};

mod common;
use common::{cap, other, partial, plan};

fn ceasefire() -> Value {
    json!([{"topic": "ceasefire", "subject": "terms", "kind": "permanent"}])
}

fn kinds(d: &peacediff::PlanDiff) -> Vec<(C, String, String, bool)> {
    d.clauses
        .iter()
        .map(|c| {
            let labels = |cs: &[peacediff::diff::PlacedClause]| {
                cs.iter().map(|p| p.clause.id()).collect::<Vec<_>>().join("+")
            };
            (c.kind, labels(&c.before), labels(&c.after), c.moved)
        })
        .collect()
}

fn check_laws(a: &Plan, b: &Plan) {
    let d = diff(a, b);
    assert_eq!(&d.apply(a).unwrap(), b);
    assert_eq!(d.clone().invert(), diff(b, a));
    assert_eq!(&d.invert().apply(b).unwrap(), a);
}

#[test]
fn identical_plans_give_an_empty_diff() {
    let a = plan(
        "a",
        &[("1", "A ceasefire.", ceasefire()), ("2", "A cap.", cap(600_000))],
    );
    let d = diff(&a, &a);
    assert!(d.is_empty());
    assert!(d.provisions.iter().all(|p| p.kind == P::Unchanged));
    check_laws(&a, &a);
}

#[test]
fn a_changed_number_is_an_amendment_with_its_field() {
    let a = plan("a", &[("1", "The army is capped at 600,000.", cap(600_000))]);
    let b = plan("b", &[("1", "The army is capped at 800,000.", cap(800_000))]);
    let d = diff(&a, &b);
    assert_eq!(kinds(&d), [(C::Substituted, "1".into(), "1".into(), false)]);
    let [change] = d.provisions.as_slice() else {
        panic!()
    };
    assert_eq!(change.kind, P::Amended);
    assert_eq!(change.fields[0].to_string(), "cap: 600,000 → 800,000");
    let wording = d.clauses[0].wording();
    let deleted: Vec<&str> = wording
        .iter()
        .filter(|w| w.tag == WordTag::Delete)
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(deleted, ["600,000."]);
    check_laws(&a, &b);
}

#[test]
fn same_value_in_other_words_is_a_rewording() {
    let a = plan("a", &[("1", "A permanent ceasefire.", ceasefire())]);
    let b = plan("b", &[("1", "The ceasefire is permanent.", ceasefire())]);
    let d = diff(&a, &b);
    assert_eq!(d.provisions[0].kind, P::Reworded);
    assert_eq!(d.clauses[0].kind, C::Substituted);
    check_laws(&a, &b);
}

#[test]
fn insertions_repeals_and_added_removed_provisions() {
    let a = plan(
        "a",
        &[
            ("1", "A ceasefire.", ceasefire()),
            ("2", "Jets in Poland.", other("jets", "Jets are based in Poland.")),
        ],
    );
    let b = plan(
        "b",
        &[("1", "A ceasefire.", ceasefire()), ("2", "A cap.", cap(600_000))],
    );
    let d = diff(&a, &b);
    assert_eq!(
        kinds(&d),
        [
            (C::Unchanged, "1".into(), "1".into(), false),
            (C::Repealed, "2".into(), "".into(), false),
            (C::Inserted, "".into(), "2".into(), false),
        ]
    );
    let provision_kinds: Vec<P> = d.provisions.iter().map(|p| p.kind).collect();
    assert!(provision_kinds.contains(&P::Added) && provision_kinds.contains(&P::Removed));
    let summary = d.summary();
    assert_eq!(summary.clauses[&C::Inserted], 1);
    assert_eq!(summary.clauses[&C::Repealed], 1);
    check_laws(&a, &b);
}

#[test]
fn a_moved_and_renumbered_clause_is_found_even_when_edited() {
    let a = plan(
        "a",
        &[
            ("1", "A ceasefire.", ceasefire()),
            ("2", "A cap of 600,000.", cap(600_000)),
            ("3", "Jets in Poland.", other("jets", "Jets are based in Poland.")),
        ],
    );
    let b = plan(
        "b",
        &[
            ("1", "A cap of 800,000.", cap(800_000)),
            ("2", "A ceasefire.", ceasefire()),
            ("3", "Jets in Poland.", other("jets", "Jets are based in Poland.")),
        ],
    );
    let d = diff(&a, &b);
    let moved: Vec<(C, bool, bool)> = d
        .clauses
        .iter()
        .map(|c| (c.kind, c.moved, c.renumbered))
        .collect();
    // Clauses 1 and 2 swap: neither keeps its order against the other.
    assert_eq!(
        moved,
        [
            (C::Substituted, true, true),
            (C::Unchanged, true, true),
            (C::Unchanged, false, false)
        ]
    );
    check_laws(&a, &b);
}

#[test]
fn splits_and_joins_follow_shared_subjects() {
    let both = json!([
        {"topic": "territory", "subject": "crimea", "status": "russian_de_jure"},
        {"topic": "territory", "subject": "luhansk", "status": "russian_de_facto"}
    ]);
    let crimea = json!([{"topic": "territory", "subject": "crimea", "status": "russian_de_facto"}]);
    let luhansk = json!([{"topic": "territory", "subject": "luhansk", "status": "russian_de_facto"}]);
    let a = plan("a", &[("1", "Crimea and Luhansk.", both)]);
    let b = plan("b", &[("1a", "Crimea.", crimea), ("1b", "Luhansk.", luhansk)]);
    let d = diff(&a, &b);
    assert_eq!(kinds(&d), [(C::Split, "1".into(), "1a+1b".into(), false)]);
    assert_eq!(
        kinds(&diff(&b, &a)),
        [(C::Joined, "1a+1b".into(), "1".into(), false)]
    );
    check_laws(&a, &b);
}

#[test]
fn untyped_clauses_align_by_wording() {
    let a = plan(
        "a",
        &[
            (
                "1",
                "x",
                other("truce", "All fighting stops on land, at sea and in the air."),
            ),
            (
                "2",
                "y",
                other("vote", "Elections are held within one hundred days."),
            ),
        ],
    );
    let b = plan(
        "b",
        &[
            (
                "1",
                "y",
                other(
                    "elections",
                    "Elections are held within one hundred days of signing.",
                ),
            ),
            (
                "2",
                "x",
                other("ceasefire", "All fighting stops on land and at sea."),
            ),
        ],
    );
    let d = diff(&a, &b);
    let pairs: Vec<(P, String, String)> = d
        .provisions
        .iter()
        .map(|p| {
            let id = |x: &Option<peacediff::diff::PlacedProvision>| {
                x.as_ref().map_or(String::new(), |p| p.clause.to_string())
            };
            (p.kind, id(&p.before), id(&p.after))
        })
        .collect();
    // Rows are ordered by subject: `other/ceasefire` (the smaller slug) before `other/elections`.
    assert_eq!(
        pairs,
        [
            (P::Reworded, "1".into(), "2".into()),
            (P::Reworded, "2".into(), "1".into())
        ]
    );
    check_laws(&a, &b);
}

#[test]
fn a_diff_refuses_a_plan_it_was_not_made_from() {
    let a = plan("a", &[("1", "A cap of 600,000.", cap(600_000))]);
    let b = plan("b", &[("1", "A cap of 800,000.", cap(800_000))]);
    let c = plan("a", &[("1", "A cap of 500,000.", cap(500_000))]);
    let err = diff(&a, &b).apply(&c).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the diff does not apply to plan `a`: clause `1` at position 0 differs from the diff's"
    );
    assert!(diff(&a, &b).apply(&b).is_err());
}

#[test]
fn a_partial_plan_silent_on_a_subject_is_unknown_there_not_a_removal() {
    let full = plan(
        "full",
        &[("1", "A ceasefire.", ceasefire()), ("2", "A cap.", cap(600_000))],
    );
    let silent = partial(plan("silent", &[("1", "A ceasefire.", ceasefire())]), &[]);
    let d = diff(&full, &silent);
    assert_eq!(
        kinds(&d),
        [
            (C::Unchanged, "1".into(), "1".into(), false),
            (C::Unknown, "2".into(), "".into(), false),
        ]
    );
    assert_eq!(common::change(&d, "military/armed-forces-cap").kind, P::Unknown);
    check_laws(&full, &silent);
    check_laws(&silent, &full);

    // Once the partial plan says it drops the cap, the cap is removed.
    let dropped = partial(
        plan("dropped", &[("1", "A ceasefire.", ceasefire())]),
        &["military/armed-forces-cap"],
    );
    let d = diff(&full, &dropped);
    assert_eq!(d.clauses[1].kind, C::Repealed);
    assert!(d.provisions.iter().any(|p| p.kind == P::Removed));
    assert_eq!(diff(&dropped, &full).clauses[1].kind, C::Inserted);
    check_laws(&full, &dropped);
}

#[test]
fn an_owned_diff_outlives_its_plans() {
    let load = |id: &str| Plan::from_json(&corpus::get(id).unwrap().to_json()).unwrap();
    let (owned, json) = {
        let (april, november) = (load("witkoff-2025-04"), load("us-28-point-2025-11"));
        let d = diff(&april, &november);
        let json = serde_json::to_string(&d).unwrap();
        (d.into_owned(), json)
    };
    assert_eq!(serde_json::to_string(&owned).unwrap(), json);
    let april = corpus::get("witkoff-2025-04").unwrap();
    assert_eq!(
        &owned.apply(april).unwrap(),
        corpus::get("us-28-point-2025-11").unwrap()
    );
}
