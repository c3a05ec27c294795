//! Untrusted input of every shape: arbitrary bytes, arbitrary JSON, valid plans
//! with one value replaced, and plans far over the size limits. Loading fails
//! with a typed error or gives a plan the engine handles; nothing panics.
#![cfg(feature = "proptest")]

use peacediff::{Error, Limits, Plan, Problem, compare, corpus, diff, laws, merge};
use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        "[a-z]{1,8}/[a-z-]{1,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer inside a value.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// Whatever loads is a plan the engine handles.
fn exercise(plan: &Plan, original: &Plan) -> Result<(), TestCaseError> {
    let law = |r: Result<(), laws::LawViolation>| r.map_err(|v| TestCaseError::fail(v.to_string()));
    law(laws::json_roundtrip(plan))?;
    law(laws::diff_roundtrip(original, plan))?;
    let _ = compare(&[plan, original]);
    law(laws::merge_symmetry(original, plan, original))?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_bytes_give_an_error_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        prop_assert!(Plan::from_reader(&bytes[..]).is_err());
    }

    #[test]
    fn arbitrary_json_gives_an_error_not_a_panic(value in json_value()) {
        prop_assert!(Plan::from_json(&value.to_string()).is_err());
    }

    #[test]
    fn a_bundled_plan_with_one_value_replaced_loads_or_fails_cleanly(
        plan in 0..corpus::all().len(),
        pick in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let original = &corpus::all()[plan];
        let mut value: Value = serde_json::from_str(&original.to_json()).unwrap();
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        let pointer = pick.get(&all).clone();
        match value.pointer_mut(&pointer) {
            Some(slot) if !pointer.is_empty() => *slot = replacement,
            _ => value = replacement,
        }
        if let Ok(loaded) = Plan::from_json(&value.to_string()) {
            exercise(&loaded, original)?;
        }
    }
}

/// A plan of `n` one-provision clauses, as JSON text.
fn many_clauses(n: usize) -> String {
    let clause = r#"{"id":"X","text":"t","provisions":[{"topic":"other","subject":"s","summary":"s"}],"sources":["S"],"confidence":"low"}"#;
    let mut json = String::with_capacity(n * (clause.len() + 8) + 300);
    json.push_str(r#"{"id":"big","title":"Big","date":"2025-01-01","completeness":"complete","sources":[{"id":"S","outlet":"O","title":"T","url":"https://example.org","date":"2025-01-01"}],"clauses":["#);
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&clause.replacen("\"X\"", &format!("\"{i}\""), 1));
    }
    json.push_str("]}");
    json
}

#[test]
fn a_million_clauses_are_refused_by_the_limits() {
    let json = many_clauses(1_000_000);
    // Over the default input size: refused before parsing.
    let err = Plan::from_json(&json).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    // With room for the bytes, the clause count is the limit that holds.
    let roomy = Limits {
        input_bytes: json.len(),
        ..Limits::default()
    };
    let err = Plan::from_json_with(&json, &roomy).unwrap_err();
    let Error::Invalid { problem, .. } = &err else {
        panic!("{err}")
    };
    assert!(
        matches!(
            problem,
            Problem::OverLimit {
                what: "clauses",
                found: 1_000_000,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn plans_without_a_common_base_still_merge() {
    let [april, e3, framework] = [
        "witkoff-2025-04",
        "e3-counter-2025-11",
        "ukraine-20-point-2025-12",
    ]
    .map(|id| corpus::get(id).unwrap());
    let merged = merge(april, e3, framework);
    laws::merge_symmetry(april, e3, framework).unwrap();
    for side in [peacediff::Side::Ours, peacediff::Side::Theirs] {
        merged.resolve(side).unwrap().validate().unwrap();
    }
    assert!(diff(e3, framework).apply(e3).is_ok());
}
