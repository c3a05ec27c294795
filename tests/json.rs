//! The versioned JSON form of results: written streaming, read back with its
//! schema checked, and the compact diff form rebuilding diffs that apply and
//! invert exactly.

use peacediff::render::{Format, Options, Render, json};
use peacediff::synth::Workload;
use peacediff::{Error, Plan, PlanDiff, corpus, diff};
use serde_json::Value;

mod common;
use common::bundled::{april_to_november, cap_history as history, comparison, november_merge as merged};
use common::{cap, plan};

/// The diff's JSON read back: equal to the diff, applying and inverting as it does.
fn round_trip(a: &Plan, b: &Plan) -> Value {
    let d = diff(a, b);
    let text = json::to_json(&d);
    let read: PlanDiff<'static> =
        json::from_json(&text).unwrap_or_else(|e| panic!("{} → {}: {e}", a.id, b.id));
    assert_eq!(read, d, "{} → {}", a.id, b.id);
    assert_eq!(&read.apply(a).unwrap(), b);
    assert_eq!(read.clone().invert(), d.clone().invert());
    assert_eq!(&read.invert().apply(b).unwrap(), a);
    serde_json::from_str(&text).unwrap()
}

/// Checks the compact form: unchanged groups write their new clause as a ref,
/// provision changes name their provisions by index, no wording run is empty.
fn check_compact(value: &Value) {
    let is_ref = |c: &Value| {
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        keys.iter().all(|k| ["index", "id", "number"].contains(k))
    };
    for change in value["clauses"].as_array().unwrap() {
        let unchanged = change["kind"] == "unchanged";
        for clause in change["before"].as_array().unwrap() {
            assert!(clause["text"].is_string(), "old clauses are in full: {clause}");
        }
        for clause in change["after"].as_array().unwrap() {
            assert_eq!(is_ref(clause), unchanged, "{change}");
        }
        if let Some(wording) = change.get("wording") {
            let runs = wording.as_array().unwrap();
            assert!(!runs.is_empty(), "an empty wording is left out");
            assert!(runs.iter().all(|r| r["text"] != ""), "empty run in {wording}");
        }
    }
    for change in value["provisions"].as_array().unwrap() {
        for side in ["before", "after"] {
            if !change[side].is_null() {
                assert!(change[side]["clause"].is_string());
                assert!(change[side]["provision"].is_u64(), "{change}");
            }
        }
    }
}

#[test]
fn every_pair_of_bundled_plans_round_trips_through_the_compact_form() {
    let mut unchanged = 0;
    for a in corpus::all() {
        for b in corpus::all() {
            let value = round_trip(a, b);
            assert_eq!(value["schema"], "peacediff/diff/2");
            check_compact(&value);
            unchanged += value["clauses"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["kind"] == "unchanged")
                .count();
        }
    }
    assert!(unchanged > 0);
}

#[test]
fn generated_plans_round_trip_through_the_compact_form() {
    for workload in Workload::ALL {
        for seed in 1..3 {
            let (base, derived, _) = workload.generate(300, seed);
            check_compact(&round_trip(&base, &derived));
            round_trip(&derived, &base);
        }
    }
}

#[test]
fn a_renumbered_unchanged_clause_is_written_once() {
    let a = plan(
        "a",
        &[("1", "A cap.", cap(600_000)), ("2", "Another cap.", cap(700_000))],
    );
    let b = plan(
        "b",
        &[("2", "Another cap.", cap(700_000)), ("3", "A cap.", cap(600_000))],
    );
    let value = round_trip(&a, &b);
    let moved = value["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["before"][0]["id"] == "1")
        .unwrap();
    assert_eq!(moved["kind"], "unchanged");
    assert_eq!(moved["after"], serde_json::json!([{"index": 1, "id": "3"}]));
    assert_eq!(moved["before"][0]["text"], "A cap.");
    assert!(moved.get("wording").is_none());
}

#[test]
fn a_provision_its_clause_does_not_hold_is_written_in_full() {
    let a = plan("a", &[("1", "A cap.", cap(600_000))]);
    let b = plan("b", &[("1", "A larger cap.", cap(800_000))]);
    let mut d = diff(&a, &b).into_owned();
    let edited: peacediff::diff::PlacedProvision =
        serde_json::from_value(serde_json::json!({"clause": "1", "provision": {
            "topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 1}}))
        .unwrap();
    d.provisions[0].after = Some(edited);
    let value: Value = serde_json::from_str(&json::to_json(&d)).unwrap();
    assert_eq!(value["provisions"][0]["before"]["provision"], 0);
    assert_eq!(value["provisions"][0]["after"]["provision"]["cap"], 1);
    let read: PlanDiff = json::from_json(&json::to_json(&d)).unwrap();
    assert_eq!(read, d);
}

/// The result's text in every way of writing it, which must be one and the same.
fn written<T: json::Versioned + Render>(value: &T) -> String {
    let text = json::to_json(value);
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert_eq!(value.render(Format::Json, &Options::default()), text);
    let mut streamed = Vec::new();
    value
        .write_to(&mut streamed, Format::Json, &Options::default())
        .unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), text);
    let mut streamed = Vec::new();
    json::write(value, &mut streamed).unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), text);
    text
}

/// Every result reads back from its JSON; another schema, no schema and broken
/// text are refused with one line.
fn check_reader<T>(value: &T, other: &str)
where
    T: json::Versioned + Render + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = written(value);
    // Not assert_eq: a result's debug form runs to thousands of lines.
    assert!(
        &json::from_json::<T>(&text).unwrap() == value,
        "{} changed through JSON",
        T::SCHEMA
    );
    let schema = format!("\"schema\": \"{}\"", T::SCHEMA);
    assert!(text.starts_with(&format!("{{\n  {schema},")));

    let wrong = text.replacen(&schema, &format!("\"schema\": \"{other}\""), 1);
    let err = json::from_json::<T>(&wrong).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("expected schema `{}`, found `{other}`", T::SCHEMA)
    );
    assert!(matches!(err, Error::Schema { .. }));

    let missing = text.replacen(&format!("{schema},"), "", 1);
    let err = json::from_json::<T>(&missing).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("expected schema `{}`, found no `schema` field", T::SCHEMA)
    );

    let hostile = text.replacen(&schema, "\"schema\": \"x\\u001b[2J\\n\"", 1);
    let line = json::from_json::<T>(&hostile).unwrap_err().to_string();
    assert_eq!(
        line,
        format!("expected schema `{}`, found `x\\u{{1b}}[2J\\u{{a}}`", T::SCHEMA)
    );

    let half: String = text.chars().take(text.chars().count() / 2).collect();
    for bad in [
        "",
        "not json",
        "[]",
        "{\"schema\": 3}",
        &half,
        &format!("{text} trailing"),
        &text.replacen('[', "{", 1),
    ] {
        let err = json::from_json::<T>(bad).unwrap_err();
        let line = err.to_string();
        assert!(!line.contains('\n') && line.chars().count() < 500, "{line}");
    }
}

#[test]
fn a_plan_streams_the_json_it_renders() {
    let plan = corpus::get("us-28-point-2025-11").unwrap();
    let mut streamed = Vec::new();
    plan.write_to(&mut streamed, Format::Json, &Options::default())
        .unwrap();
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        plan.render(Format::Json, &Options::default())
    );
}

#[test]
fn every_result_reads_back_and_checks_its_schema() {
    check_reader(&comparison(), "peacediff/diff/2");
    check_reader(&merged(), "peacediff/merge/0");
    check_reader(&history(), "peacediff/comparison/1");
    check_reader(&april_to_november(), "peacediff/diff/1");
}

#[test]
fn a_broken_diff_is_refused_with_its_place() {
    // Bundled plans cite their own sources, so only generated ones have unchanged clauses.
    let (base, derived, _) = Workload::Typed.generate(60, 1);
    let text = json::to_json(&diff(&base, &derived));
    let value: Value = serde_json::from_str(&text).unwrap();
    let edit = |change: &dyn Fn(&mut Value)| {
        let mut broken = value.clone();
        change(&mut broken);
        json::from_json::<PlanDiff>(&broken.to_string())
            .unwrap_err()
            .to_string()
    };
    let unchanged = value["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["kind"] == "unchanged")
        .unwrap();
    let provision = value["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| !p["after"].is_null())
        .unwrap();
    let line = edit(&|v| {
        v["clauses"][unchanged]["before"][0]
            .as_object_mut()
            .unwrap()
            .retain(|k, _| k != "text")
    });
    assert!(
        line.ends_with(&format!("at `clauses[{unchanged}]`: `before[0]`, clause `{}`, is neither a ref (`index`, `id`, `number`) nor in full: it lacks `text`", value["clauses"][unchanged]["before"][0]["id"].as_str().unwrap())),
        "{line}"
    );
    let line = edit(&|v| {
        let old = v["clauses"][unchanged]["before"][0].clone();
        v["clauses"][unchanged]["before"]
            .as_array_mut()
            .unwrap()
            .push(old);
    });
    assert!(
        line.contains("is a ref, which only the one new clause of a one-to-one group may be"),
        "{line}"
    );
    let line = edit(&|v| v["provisions"][provision]["after"]["provision"] = 99.into());
    assert!(
        line.contains(&format!(
            "at `provisions[{provision}]`: `after` names provision 99 of clause"
        )),
        "{line}"
    );
    assert!(line.ends_with(", which has 1"), "{line}");
    let line = edit(&|v| v["provisions"][provision]["after"]["clause"] = "nowhere".into());
    assert!(
        line.ends_with(&format!("at `provisions[{provision}]`: `after` names clause `nowhere`, which is not on the diff's new side")),
        "{line}"
    );
    let line = edit(&|v| v["clauses"][unchanged]["before"][0]["surplus"] = 1.into());
    assert!(line.contains("unknown field `surplus`"), "{line}");
    let line = edit(&|v| v["provisions"][provision]["after"]["provision"] = (-1).into());
    assert!(line.contains("at `provisions"), "{line}");

    // Every prefix of the text is refused cleanly.
    for end in (0..text.len())
        .step_by(97)
        .filter(|&end| text.is_char_boundary(end))
    {
        assert!(json::from_json::<PlanDiff>(&text[..end]).is_err());
    }
}

#[test]
fn provision_changes_before_the_clauses_are_read_too() {
    let (base, derived, _) = Workload::Typed.generate(60, 2);
    let d = diff(&base, &derived);
    let value: Value = serde_json::from_str(&json::to_json(&d)).unwrap();
    let reordered = |provisions: &Value| {
        format!(
            r#"{{"provisions": {provisions}, "clauses": {}, "to": {}, "from": {}, "schema": "peacediff/diff/2"}}"#,
            value["clauses"], value["to"], value["from"]
        )
    };
    let read: PlanDiff = json::from_json(&reordered(&value["provisions"])).unwrap();
    assert_eq!(read, d);
    let mut provisions = value["provisions"].clone();
    provisions[2]["before"] = serde_json::json!({"clause": "zz", "provision": 0});
    let line = json::from_json::<PlanDiff>(&reordered(&provisions))
        .unwrap_err()
        .to_string();
    assert!(
        line.ends_with(
            ": at `provisions[2]`, `before` names clause `zz`, which is not on the diff's old side"
        ),
        "{line}"
    );
}
