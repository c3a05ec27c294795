//! Three-way merge and a subject's evolution: hand-made plans for each outcome,
//! then the November 2025 texts.

use peacediff::{MergeKind, NoteKind, Plan, Side, StepKind, Subject, corpus, evolution, laws, merge};
use serde_json::{Value, json};

mod common;
use common::{cap, other, partial, plan};

fn ceasefire(kind: &str) -> Value {
    json!([{"topic": "ceasefire", "subject": "terms", "kind": kind}])
}

/// The base's clauses.
fn clauses() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("1", "A permanent ceasefire takes effect.", ceasefire("permanent")),
        ("2", "The army is capped at a fixed size.", cap(600_000)),
        (
            "3",
            "Fighter jets are based in Poland.",
            other("jets", "Jets in Poland."),
        ),
    ]
}

fn base() -> Plan {
    plan("base", &clauses())
}

/// `base` with one clause replaced.
fn with(id: &str, clause: (&str, &str, Value)) -> Plan {
    let mut clauses = clauses();
    for slot in &mut clauses {
        if slot.0 == clause.0 {
            *slot = clause.clone();
        }
    }
    plan(id, &clauses)
}

fn outcome(merged: &peacediff::Merge, subject: &str) -> MergeKind {
    merged.subject(subject).unwrap().kind
}

#[test]
fn the_laws_hold_on_hand_made_plans() {
    let b = base();
    let x = with("x", ("2", "The army is capped at a larger size.", cap(800_000)));
    laws::merge_identity(&b, &x).unwrap();
    let y = with(
        "y",
        (
            "1",
            "A full ceasefire takes effect.",
            ceasefire("full_unconditional"),
        ),
    );
    laws::merge_symmetry(&b, &x, &y).unwrap();
    laws::merge_symmetry(&b, &x, &with("z", ("2", "A cap.", cap(700_000)))).unwrap();
}

#[test]
fn changes_on_different_subjects_combine() {
    let b = base();
    let ours = with("x", ("2", "The army is capped at a larger size.", cap(800_000)));
    let theirs = with(
        "x",
        (
            "1",
            "A full ceasefire takes effect.",
            ceasefire("full_unconditional"),
        ),
    );
    let merged = merge(&b, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(outcome(&merged, "military/armed-forces-cap"), MergeKind::Ours);
    assert_eq!(outcome(&merged, "ceasefire/terms"), MergeKind::Theirs);
    assert_eq!(merged.plan.clauses()["1"], theirs.clauses()["1"]);
    assert_eq!(merged.plan.clauses()["2"], ours.clauses()["2"]);
    assert_eq!(merged.plan.clauses()["3"], b.clauses()["3"]);
}

#[test]
fn different_changes_to_one_subject_conflict_until_resolved() {
    let b = base();
    let ours = with("ours", ("2", "The army is capped at a fixed size.", cap(800_000)));
    let theirs = with(
        "theirs",
        ("2", "The army is capped at a fixed size.", cap(700_000)),
    );
    let merged = merge(&b, &ours, &theirs);
    let cap_merge = merged.subject("military/armed-forces-cap").unwrap();
    assert_eq!(cap_merge.kind, MergeKind::Conflict);
    assert_eq!(cap_merge.differs, ["cap"]);
    let conflicts: Vec<_> = merged.conflicts().collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].differs, ["military/armed-forces-cap"]);
    // The merged plan keeps the base's clause, marked; it does not pick a side.
    let kept = &merged.plan.clauses()["2"];
    assert_eq!(kept.provisions, b.clauses()["2"].provisions);
    assert!(kept.notes.iter().any(|n| n.kind == NoteKind::Conflict));
    assert_eq!(
        merged.resolve(Side::Ours).unwrap().clauses()["2"],
        ours.clauses()["2"]
    );
    assert_eq!(
        merged.resolve(Side::Theirs).unwrap().clauses()["2"],
        theirs.clauses()["2"]
    );
    let chosen = merged.resolve_with(|_| Side::Theirs).unwrap();
    assert!(chosen.clauses().values().all(|c| c.notes.is_empty()));
}

#[test]
fn wording_merges_word_by_word_where_edits_do_not_overlap() {
    let b = plan(
        "b",
        &[(
            "1",
            "Russia and Ukraine agree a permanent ceasefire within days.",
            ceasefire("permanent"),
        )],
    );
    let ours = plan(
        "o",
        &[(
            "1",
            "Russia and Ukraine agree a lasting ceasefire within days.",
            ceasefire("permanent"),
        )],
    );
    let theirs = plan(
        "t",
        &[(
            "1",
            "Russia and Ukraine agree a permanent ceasefire within hours.",
            ceasefire("permanent"),
        )],
    );
    let merged = merge(&b, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.clauses[0].kind, MergeKind::Combined);
    assert_eq!(
        merged.plan.clauses()["1"].text,
        "Russia and Ukraine agree a lasting ceasefire within hours."
    );

    let overlapping = plan(
        "t",
        &[(
            "1",
            "Russia and Ukraine agree a durable ceasefire within days.",
            ceasefire("permanent"),
        )],
    );
    let merged = merge(&b, &ours, &overlapping);
    assert_eq!(merged.conflicts().next().unwrap().differs, ["text"]);
}

#[test]
fn a_partial_side_silent_on_a_subject_takes_the_other_sides_change() {
    let b = base();
    let silent = partial(
        plan(
            "silent",
            &[("1", "A full ceasefire.", ceasefire("full_unconditional"))],
        ),
        &[],
    );
    let theirs = with(
        "theirs",
        ("2", "The army is capped at a larger size.", cap(800_000)),
    );
    let merged = merge(&b, &silent, &theirs);
    assert!(merged.is_clean(), "{merged}");
    let cap_merge = merged.subject("military/armed-forces-cap").unwrap();
    assert_eq!(cap_merge.kind, MergeKind::Theirs);
    assert_eq!(cap_merge.ours, None);
    assert_eq!(merged.plan.clauses()["2"], theirs.clauses()["2"]);
    // The jets clause, which neither side reports on, stays.
    assert_eq!(outcome(&merged, "other/jets"), MergeKind::Unchanged);
    assert!(
        merged
            .plan
            .clauses()
            .values()
            .any(|c| c.text == "Fighter jets are based in Poland.")
    );

    // Saying the cap is dropped is a change, and it conflicts with raising it.
    let dropped = partial(
        plan(
            "dropped",
            &[("1", "A full ceasefire.", ceasefire("full_unconditional"))],
        ),
        &["military/armed-forces-cap"],
    );
    let merged = merge(&b, &dropped, &theirs);
    assert_eq!(outcome(&merged, "military/armed-forces-cap"), MergeKind::Conflict);
    assert_eq!(
        merged.subject("military/armed-forces-cap").unwrap().differs,
        ["provisions"]
    );
}

fn november() -> [&'static Plan; 3] {
    [
        "us-28-point-2025-11",
        "geneva-revision-2025-11",
        "e3-counter-2025-11",
    ]
    .map(|id| corpus::get(id).unwrap())
}

#[test]
fn the_november_texts_merge_with_their_conflicts_visible() {
    let [draft, geneva, e3] = november();
    let merged = merge(draft, geneva, e3);
    // Both raise the cap to 800,000; only the E3 text limits it to peacetime.
    let cap_merge = merged.subject("military/armed-forces-cap").unwrap();
    assert_eq!(cap_merge.kind, MergeKind::Conflict);
    assert_eq!(cap_merge.differs, ["peacetime_only"]);
    // Both drop the amnesty; both leave Ukraine's membership to allied consensus.
    assert_eq!(outcome(&merged, "governance/amnesty"), MergeKind::Both);
    assert_eq!(outcome(&merged, "nato/ukraine-membership"), MergeKind::Both);
    // Geneva removes the frozen-assets clause; the E3 text keeps the assets frozen until Russia pays.
    assert_eq!(outcome(&merged, "economy/frozen-assets"), MergeKind::Conflict);
    // Geneva is silent on elections: the E3 change is taken.
    let elections = merged.subject("governance/elections").unwrap();
    assert_eq!(
        (elections.kind, elections.ours.is_none()),
        (MergeKind::Theirs, true)
    );
    assert!(!merged.is_clean());
    for side in [Side::Ours, Side::Theirs] {
        let resolved = merged.resolve(side).unwrap();
        assert!(
            resolved
                .clauses()
                .values()
                .flat_map(|c| &c.notes)
                .all(|n| n.kind != NoteKind::Conflict)
        );
    }
    laws::merge_symmetry(draft, geneva, e3).unwrap();
    laws::merge_identity(draft, geneva).unwrap();
    laws::merge_identity(draft, e3).unwrap();
}

/// The six texts of the US-led talks of 2025, from the April framework to the 20-point plan.
const SIX: [&str; 6] = [
    "witkoff-2025-04",
    "european-ukrainian-2025-04",
    "us-28-point-2025-11",
    "geneva-revision-2025-11",
    "e3-counter-2025-11",
    "ukraine-20-point-2025-12",
];

#[test]
fn the_armed_forces_cap_through_the_six_2025_texts() {
    let cap = Subject::parse("military/armed-forces-cap").unwrap();
    let plans: Vec<&Plan> = SIX.iter().rev().map(|id| corpus::get(id).unwrap()).collect();
    let history = evolution(&cap, &plans);
    let steps: Vec<(&str, StepKind)> = history.steps.iter().map(|s| (s.plan.as_str(), s.kind)).collect();
    assert_eq!(
        steps,
        [
            ("witkoff-2025-04", StepKind::Absent),
            ("european-ukrainian-2025-04", StepKind::Added),
            ("us-28-point-2025-11", StepKind::Amended),
            // Same day: the order given (here reversed) is kept.
            ("e3-counter-2025-11", StepKind::Amended),
            ("geneva-revision-2025-11", StepKind::Amended),
            ("ukraine-20-point-2025-12", StepKind::Amended),
        ]
    );
    let step = |id: &str| history.steps.iter().find(|s| s.plan == id).unwrap();
    let caps = |id: &str| -> Vec<String> { step(id).changes.iter().map(ToString::to_string).collect() };
    assert_eq!(
        caps("us-28-point-2025-11"),
        ["stance: unrestricted → capped", "cap: not stated → 600,000"]
    );
    assert_eq!(
        caps("e3-counter-2025-11"),
        ["cap: 600,000 → 800,000", "peacetime only: not stated → yes"]
    );
    // Reports on Geneva differ: 800,000, the cap dropped, or the army's parameters
    // bracketed; all are kept with their sources.
    let geneva = step("geneva-revision-2025-11");
    let readings: Vec<String> = geneva
        .alternatives
        .iter()
        .map(|a| a.entry.provision.brief())
        .collect();
    assert_eq!(readings, ["unrestricted", "bracketed"]);
    assert!(geneva.alternatives[0].sources.iter().any(|s| s.id() == "G04"));
    assert_eq!(geneva.alternatives[1].confidence, peacediff::Confidence::Low);
    assert!(
        step("witkoff-2025-04")
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::Absent)
    );
}

#[test]
fn the_armed_forces_cap_through_every_bundled_plan() {
    let cap = Subject::parse("military/armed-forces-cap").unwrap();
    let plans: Vec<&Plan> = corpus::all().iter().rev().collect();
    let history = evolution(&cap, &plans);
    let steps: Vec<(&str, StepKind)> = history.steps.iter().map(|s| (s.plan.as_str(), s.kind)).collect();
    assert_eq!(
        steps,
        [
            // Minsk II and the communiqué are known in part, and say nothing of it.
            ("minsk-ii-2015-02", StepKind::Unknown),
            ("istanbul-communique-2022-03", StepKind::Unknown),
            ("istanbul-draft-2022-04", StepKind::Added),
            ("peace-formula-2022-11", StepKind::Unknown),
            ("china-position-2023-02", StepKind::Unknown),
            ("putin-conditions-2024-06", StepKind::Amended),
            ("witkoff-2025-04", StepKind::Removed),
            ("european-ukrainian-2025-04", StepKind::Added),
            ("ukraine-memorandum-2025-06", StepKind::Unchanged),
            ("russia-memorandum-2025-06", StepKind::Amended),
            ("us-28-point-2025-11", StepKind::Amended),
            // Same day: the order given (here reversed) is kept.
            ("e3-counter-2025-11", StepKind::Amended),
            ("geneva-revision-2025-11", StepKind::Amended),
            ("ukraine-20-point-2025-12", StepKind::Amended),
        ]
    );
    let step = |id: &str| history.steps.iter().find(|s| s.plan == id).unwrap();
    let caps = |id: &str| -> Vec<String> { step(id).changes.iter().map(ToString::to_string).collect() };
    // The 2022 draft holds both sides' figures; Putin and the Russian memorandum
    // ask for a cap without a figure, which the 28-point draft then sets.
    let draft: Vec<String> = step("istanbul-draft-2022-04")
        .entries
        .iter()
        .map(|e| e.provision.brief())
        .collect();
    assert_eq!(draft, ["capped · cap: 85,000", "capped · cap: 250,000"]);
    assert_eq!(
        caps("russia-memorandum-2025-06"),
        ["stance: unrestricted → capped"]
    );
    assert_eq!(caps("us-28-point-2025-11"), ["cap: not stated → 600,000"]);
}

#[test]
fn a_partial_plan_silent_on_a_subject_is_an_unknown_step() {
    let kinburn = Subject::parse("territory/kinburn-spit").unwrap();
    let history = evolution(&kinburn, &corpus::all().iter().collect::<Vec<_>>());
    let kind = |id: &str| history.steps.iter().find(|s| s.plan == id).unwrap().kind;
    assert_eq!(kind("geneva-revision-2025-11"), StepKind::Unknown);
    assert_eq!(kind("e3-counter-2025-11"), StepKind::Unknown);
}

#[test]
fn a_merge_keeps_every_source_its_clauses_cite() {
    // Found by fuzzing: both sides share their sources, which differ from the
    // base's, and base clauses stay in the merge.
    let [draft, _, e3] = november();
    let mut edited = e3.clone();
    let first = edited.clauses()[0].id().to_owned();
    let clause = edited.clause_mut(&first).unwrap();
    clause.text.push_str(" Edited.");
    let merged = merge(draft, &edited, e3);
    merged.plan.validate().unwrap();
    for side in [Side::Ours, Side::Theirs] {
        merged.resolve(side).unwrap();
    }
    laws::merge_symmetry(draft, &edited, e3).unwrap();
}
