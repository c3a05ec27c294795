//! The N-plan comparison on small hand-made plans.

use peacediff::{RowStatus, compare};
use serde_json::json;

mod common;
use common::{cap, other, partial, plan};

#[test]
fn statuses_groups_and_matrix() {
    let ceasefire = json!([{"topic": "ceasefire", "subject": "terms", "kind": "permanent"}]);
    let a = plan(
        "a",
        &[
            ("1", "Clause 1.", ceasefire.clone()),
            ("2", "Clause 2.", cap(600_000)),
        ],
    );
    let b = plan(
        "b",
        &[
            ("1", "Clause 1.", ceasefire.clone()),
            ("2", "Clause 2.", cap(800_000)),
        ],
    );
    let c = plan(
        "c",
        &[
            ("7", "Clause 7.", ceasefire),
            ("8", "Clause 8.", cap(600_000)),
            ("9", "Clause 9.", other("jets", "Jets in Poland.")),
        ],
    );
    let comparison = compare(&[&a, &b, &c]).unwrap();

    let subjects: Vec<String> = comparison.rows.iter().map(|r| r.subject.to_string()).collect();
    assert_eq!(
        subjects,
        ["ceasefire/terms", "military/armed-forces-cap", "other/jets"]
    );
    let statuses: Vec<RowStatus> = comparison.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [RowStatus::Consensus, RowStatus::Divergent, RowStatus::Single]
    );
    assert_eq!(
        comparison.rows[1].groups,
        [vec!["a".to_owned(), "c".to_owned()], vec!["b".to_owned()]]
    );
    assert_eq!(comparison.rows[0].cells["c"][0].number, "7");
    assert_eq!(comparison.rows[2].absent, ["a", "b"]);

    // a and c agree on both subjects they share; a and b on one of two.
    let shares: Vec<Option<f64>> = comparison.matrix[0].iter().map(|a| a.share()).collect();
    assert_eq!(shares, [Some(1.0), Some(0.5), Some(1.0)]);
    assert_eq!(
        (comparison.matrix[0][1].agreed, comparison.matrix[0][1].shared),
        (1, 2)
    );
    assert_eq!(comparison.matrix[1][1].share(), Some(1.0));
    let counts = comparison.counts();
    assert_eq!(
        (
            counts[&RowStatus::Consensus],
            counts[&RowStatus::Divergent],
            counts[&RowStatus::Single]
        ),
        (1, 1, 1)
    );

    // The caps differ, yet all three plans cap the army: what the groups share.
    let caps = comparison.row("military/armed-forces-cap").unwrap();
    let shared: Vec<(String, &[String])> = caps
        .shared
        .iter()
        .map(|value| (value.to_string(), value.plans.as_slice()))
        .collect();
    assert_eq!(
        shared,
        [(
            "stance: capped".to_owned(),
            &["a", "b", "c"].map(String::from)[..]
        )]
    );
    assert!(comparison.row("ceasefire/terms").unwrap().shared.is_empty());

    let text = comparison.to_string();
    assert!(
        text.contains(
            "military/armed-forces-cap — divergent (3 plans, 2 positions; A, B share stance: capped)"
        ),
        "{text}"
    );
    assert!(
        text.contains("other/jets — single (1 plan; 2 leave it out)"),
        "{text}"
    );
    assert!(
        text.contains("3 subjects: 1 consensus, 1 divergent, 1 single."),
        "{text}"
    );
}

#[test]
fn untyped_provisions_share_a_row_when_their_wording_is_close() {
    let a = plan(
        "a",
        &[(
            "1",
            "Clause 1.",
            other("truce", "All fighting stops on land, at sea and in the air."),
        )],
    );
    let b = plan(
        "b",
        &[(
            "1",
            "Clause 1.",
            other("ceasefire", "All fighting stops on land and at sea."),
        )],
    );
    let c = plan(
        "c",
        &[(
            "1",
            "Clause 1.",
            other("vote", "Elections within one hundred days."),
        )],
    );
    let comparison = compare(&[&a, &b, &c]).unwrap();
    let rows: Vec<(String, Vec<usize>)> = comparison
        .rows
        .iter()
        .map(|r| (r.subject.to_string(), r.cells.values().map(Vec::len).collect()))
        .collect();
    assert_eq!(
        rows,
        [
            ("other/ceasefire".to_owned(), vec![1, 1, 0]),
            ("other/vote".to_owned(), vec![0, 0, 1])
        ]
    );
    // Different wording is a different position.
    assert_eq!(comparison.rows[0].groups.len(), 2);
}

#[test]
fn plans_without_shared_subjects_have_no_agreement_share() {
    let a = plan("a", &[("1", "Clause 1.", cap(600_000))]);
    let b = plan(
        "b",
        &[(
            "1",
            "Clause 1.",
            other("vote", "Elections within one hundred days."),
        )],
    );
    let comparison = compare(&[&a, &b]).unwrap();
    let shares: Vec<Vec<Option<f64>>> = comparison
        .matrix
        .iter()
        .map(|row| row.iter().map(|a| a.share()).collect())
        .collect();
    assert_eq!(shares, [[Some(1.0), None], [None, Some(1.0)]]);
    assert!(compare(&[]).unwrap().rows.is_empty());
}

#[test]
fn partial_plans_silent_on_a_subject_are_unknown_there() {
    let a = plan("a", &[("1", "A cap.", cap(600_000))]);
    let b = plan("b", &[("6", "The same cap.", cap(600_000))]);
    let silent = partial(
        plan("silent", &[("1", "Something else.", other("jets", "Jets."))]),
        &[],
    );
    let comparison = compare(&[&a, &b, &silent]).unwrap();
    let row = comparison.row("military/armed-forces-cap").unwrap();
    assert_eq!(row.unknown, ["silent"]);
    // The silent plan neither breaks nor joins the consensus.
    assert_eq!(row.status, RowStatus::Consensus);
    assert!(comparison.to_string().contains('?'));

    // A partial plan that says it drops the cap leaves it out.
    let dropped = partial(
        plan("dropped", &[("1", "Something else.", other("jets", "Jets."))]),
        &["military/armed-forces-cap"],
    );
    let comparison = compare(&[&a, &b, &dropped]).unwrap();
    let row = comparison.row("military/armed-forces-cap").unwrap();
    assert!(row.unknown.is_empty());
    assert_eq!(row.absent, ["dropped"]);
    // The plans that speak agree: the one that leaves it out is counted apart.
    assert_eq!(row.status, RowStatus::Consensus);

    // One plan alone on a subject is no consensus, even when the rest are silent.
    let comparison = compare(&[&a, &silent]).unwrap();
    assert_eq!(
        comparison.row("military/armed-forces-cap").unwrap().status,
        RowStatus::Single
    );
}

#[test]
fn a_point_left_untyped_stands_on_the_typed_row_it_rewords() {
    let april = peacediff::corpus::get("witkoff-2025-04").unwrap();
    // Point 2 re-words the April text's point 2 (talks on implementation) in
    // words the lexicon does not read; point 3 is about nothing in the April text.
    let text = "1. A permanent ceasefire.\n\
                2. Both sides start technical work on carrying it out straight away.\n\
                3. A joint committee meets every month in Vienna.\n";
    let imported = peacediff::import::TextImport::new()
        .with_id("mine")
        .plan(text)
        .unwrap();
    assert!(!imported.clauses()["p2"].provisions[0].is_typed());
    // The diff already pairs it by wording with the typed clause.
    let d = peacediff::diff(april, &imported);
    let pair = d
        .clauses
        .iter()
        .find(|c| c.after.iter().any(|n| n.clause.id() == "p2"))
        .unwrap();
    assert_eq!(pair.before.len(), 1);
    assert_eq!(pair.before[0].clause.label(), "2");

    let comparison = compare(&[april, &imported]).unwrap();
    let row = comparison.row("ceasefire/implementation-talks").unwrap();
    assert_eq!(row.cells["mine"].len(), 1);
    assert_eq!(row.cells["mine"][0].clause, "p2");
    // It speaks of the subject, but its position is not read: in no group.
    assert_eq!(row.worded, ["mine"]);
    assert_eq!(row.groups, [["witkoff-2025-04"]]);
    assert_eq!(row.status, RowStatus::Single);
    assert!(row.absent.is_empty());
    // Its own `other` row is gone; the point about nothing else keeps its row.
    let others: Vec<String> = comparison
        .rows
        .iter()
        .filter(|r| r.topic == peacediff::Topic::Other)
        .filter(|r| !r.cells["mine"].is_empty())
        .map(|r| r.cells["mine"][0].clause.clone())
        .collect();
    assert_eq!(others, ["p3"]);
    // The same with the plans the other way round.
    let reversed = compare(&[&imported, april]).unwrap();
    assert_eq!(
        reversed.row("ceasefire/implementation-talks").unwrap().worded,
        ["mine"]
    );
    use peacediff::render::{Format, Options, Render};
    let md = comparison.render(Format::Markdown, &Options::default());
    assert!(md.contains("1 plan; 1 in other words"), "{md}");
}
