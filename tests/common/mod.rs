//! Small hand-made plans and helpers for the tests.

// Each test file uses part of this module.
#![allow(dead_code)]

use peacediff::{Plan, PlanDiff, ProvisionChange};
use serde_json::{Value, json};

/// A plan from `(clause id, text, provisions)`; every clause cites one source.
pub fn plan(id: &str, clauses: &[(&str, &str, Value)]) -> Plan {
    let clauses: Vec<Value> = clauses
        .iter()
        .map(|(id, text, provisions)| {
            json!({"id": id, "text": text, "provisions": provisions, "sources": ["S"], "confidence": "high"})
        })
        .collect();
    let json = json!({
        "id": id, "title": id, "date": "2025-01-01", "completeness": "complete",
        "sources": [{"id": "S", "outlet": "O", "title": "T", "url": "https://example.org", "date": "2025-01-01"}],
        "clauses": clauses,
    });
    Plan::from_json(&json.to_string()).unwrap()
}

/// An armed-forces cap of `n` troops.
pub fn cap(n: u64) -> Value {
    json!([{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": n}])
}

/// An untyped provision.
pub fn other(slug: &str, summary: &str) -> Value {
    json!([{"topic": "other", "subject": slug, "summary": summary}])
}

/// `plan` made partial, with a note saying it leaves out `absent` (subjects as `topic/slug`).
pub fn partial(mut plan: Plan, absent: &[&str]) -> Plan {
    plan.completeness = peacediff::Completeness::Partial;
    if !absent.is_empty() {
        let note =
            json!({"kind": "absent", "subjects": absent, "text": "Reported dropped.", "sources": ["S"]});
        plan.notes.push(serde_json::from_value(note).unwrap());
    }
    plan.validate().unwrap();
    plan
}

/// An error and its causes on one line, as a program prints them.
pub fn chain(err: &dyn std::error::Error) -> String {
    let mut line = err.to_string();
    let mut cause = err.source();
    while let Some(err) = cause {
        line = format!("{line}: {err}");
        cause = err.source();
    }
    line
}

/// Results on the bundled plans that several test files look at.
#[cfg(feature = "corpus")]
pub mod bundled {
    use peacediff::{
        Comparison, Evolution, Merge, PlanDiff, Subject, compare, corpus, diff, evolution, merge,
    };

    /// All bundled plans compared.
    pub fn comparison() -> Comparison {
        compare(&corpus::all().iter().collect::<Vec<_>>()).unwrap()
    }

    /// The April US framework against the 28-point draft.
    pub fn april_to_november() -> PlanDiff<'static> {
        diff(
            corpus::get("witkoff-2025-04").unwrap(),
            corpus::get("us-28-point-2025-11").unwrap(),
        )
    }

    /// The Geneva revision (ours) and the E3 text (theirs) over the 28-point draft.
    pub fn november_merge() -> Merge {
        let [base, ours, theirs] = [
            "us-28-point-2025-11",
            "geneva-revision-2025-11",
            "e3-counter-2025-11",
        ]
        .map(|id| corpus::get(id).unwrap());
        merge(base, ours, theirs)
    }

    /// The armed-forces cap through every bundled plan.
    pub fn cap_history() -> Evolution {
        let cap = Subject::parse("military/armed-forces-cap").unwrap();
        evolution(&cap, &corpus::all().iter().collect::<Vec<_>>())
    }
}

/// A diff's first provision change on `subject` (written `topic/slug`).
pub fn change<'d>(diff: &'d PlanDiff<'_>, subject: &str) -> &'d ProvisionChange<'d> {
    diff.provisions
        .iter()
        .find(|p| p.subject.to_string() == subject)
        .unwrap_or_else(|| panic!("no change on {subject}"))
}
