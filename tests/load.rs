//! Loading plan files: every malformed file yields an error that names its place.

mod common;
use common::chain;
use std::path::Path;

use peacediff::{Error, Limits, Plan, Problem};

fn load(name: &str) -> Result<Plan, Error> {
    Plan::from_path(Path::new("tests/bad").join(name))
}

fn message(name: &str) -> String {
    match load(name) {
        Ok(plan) => panic!("{name} loaded as plan `{}`", plan.id),
        Err(err) => chain(&err),
    }
}

#[test]
fn the_valid_sample_loads() {
    let plan = load("valid.json").unwrap();
    assert_eq!(plan.clauses().len(), 2);
    assert_eq!(
        plan.clauses()["2"].subjects()[0].to_string(),
        "military/armed-forces-cap"
    );
}

#[test]
fn bad_json_names_line_column_and_path() {
    assert_eq!(
        message("truncated.json"),
        "tests/bad/truncated.json: line 22, column 25, at `clauses[0].provisions[0].subject`: EOF while parsing a string",
    );
    let err = Plan::from_json("{\"id\": \"x\",\n \"title\": [1]}").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Parse {
                line: 2,
                column: 10,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.path(), Some("title"));
}

#[test]
fn a_duplicate_clause_id_names_both_places() {
    assert_eq!(
        message("duplicate-clause-id.json"),
        "tests/bad/duplicate-clause-id.json: plan `sample`, at `clauses[1].id`: duplicate id `1` (first used at index 0)",
    );
    let Err(Error::Invalid { problem, .. }) = load("duplicate-clause-id.json") else {
        unreachable!()
    };
    assert_eq!(
        problem,
        Problem::DuplicateId {
            id: "1".into(),
            first: 0
        }
    );
}

#[test]
fn number_errors_name_the_field_and_its_place() {
    let valid = std::fs::read_to_string("tests/bad/valid.json").unwrap();
    for (value, column, message) in [
        ("-5", 19, "invalid value: integer `-5`, expected u64"),
        ("\"x\"", 20, "invalid type: string \"x\", expected u64"),
    ] {
        let err = Plan::from_json(&valid.replacen("600000", value, 1)).unwrap_err();
        assert_eq!(
            chain(&err),
            format!("line 39, column {column}, at `clauses[1].provisions[0].cap`: {message}")
        );
    }
    // The topic after the fields: the fields are read afterwards, the path kept.
    let late = valid.replacen("\"topic\": \"military\",", "", 1).replacen(
        "\"cap\": 600000",
        "\"cap\": -5, \"topic\": \"military\"",
        1,
    );
    let err = Plan::from_json(&late).unwrap_err();
    assert!(
        chain(&err).contains("at `clauses[1].provisions[0]`") && chain(&err).contains("`-5`"),
        "{}",
        chain(&err)
    );
}

#[test]
fn an_unknown_subject_lists_the_known_ones() {
    assert_eq!(
        message("unknown-subject.json"),
        "tests/bad/unknown-subject.json: line 22, column 31, at `clauses[0].provisions[0].subject`: \
         unknown ceasefire subject `atlantis` (expected one of `terms`, `implementation-talks`)",
    );
    assert!(
        message("unknown-topic.json")
            .contains("at `clauses[0].provisions[0].topic`: unknown topic `weather`")
    );
    assert!(message("bad-other-slug.json").ends_with(
        "at `clauses[0].provisions[1].subject`: `Fighter Jets` must be lowercase kebab case, such as `fighter-jets`"
    ));
}

#[test]
fn numbers_out_of_range_are_rejected() {
    assert!(message("cap-out-of-range.json").ends_with(
        "plan `sample`, at `clauses[1].provisions[0].cap`: 9000000 is out of range (1 to 5000000)"
    ));
    assert!(message("cap-absurd.json").ends_with("1000000000000 is out of range (1 to 5000000)"));
    assert!(message("negative-cap.json").contains("invalid value: integer `-5`"));
}

#[test]
fn clauses_need_text_provisions_and_known_sources() {
    let cases = [
        ("empty-clause-id.json", "at `clauses[0].id`: must not be empty"),
        ("empty-text.json", "at `clauses[1].text`: must not be empty"),
        (
            "no-provisions.json",
            "at `clauses[0].provisions`: a clause needs at least one provision",
        ),
        (
            "no-sources.json",
            "at `clauses[1].sources`: a clause needs at least one source",
        ),
        (
            "unknown-source.json",
            "at `clauses[1].sources[1]`: cites source `S9`, which is not in the plan's sources",
        ),
        (
            "bad-url.json",
            "at `sources[0].url`: `example.org/report` is not an http or https URL",
        ),
        ("bad-date.json", "at `sources[0].date`: invalid date `2025-02-30`"),
        ("unknown-field.json", "at `clauses[0].txet`: unknown field `txet`"),
    ];
    for (file, expected) in cases {
        let message = message(file);
        assert!(message.contains(expected), "{file}: {message}");
        assert!(message.starts_with(&format!("tests/bad/{file}: ")), "{message}");
    }
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = load("no-such-file.json").unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    // The message names the file; the I/O error is its source, not repeated.
    assert_eq!(
        err.to_string(),
        "tests/bad/no-such-file.json: cannot read the plan"
    );
    assert!(chain(&err).starts_with("tests/bad/no-such-file.json: cannot read the plan: "));
}

#[test]
fn trailing_text_and_a_byte_order_mark() {
    let json = std::fs::read_to_string("tests/bad/valid.json").unwrap();
    assert!(Plan::from_json(&format!("\u{feff}{json}")).is_ok());
    let err = Plan::from_json(&format!("{json} {{}}")).unwrap_err();
    assert!(chain(&err).contains("trailing characters"), "{err}");
}

#[test]
fn plans_built_in_code_are_validated_too() {
    let mut plan = load("valid.json").unwrap();
    plan.clause_mut("1").unwrap().sources.clear();
    assert!(matches!(
        plan.validate(),
        Err(Error::Invalid {
            problem: Problem::NoSources,
            ..
        })
    ));

    // A clause is stored under its own id: re-inserting one with a new id adds it,
    // and the key follows the id.
    let mut plan = load("valid.json").unwrap();
    let second = plan.remove_clause("2").unwrap();
    let text = second.text.clone();
    let renamed = peacediff::Clause::new("3", text, second.confidence).with_source("S1");
    let renamed = second
        .provisions
        .into_iter()
        .fold(renamed, peacediff::Clause::with_provision);
    assert!(plan.insert_clause(renamed).is_none());
    assert_eq!(plan.clauses().keys().collect::<Vec<_>>(), ["1", "3"]);
    assert_eq!(plan.clauses()["3"].id(), "3");
    plan.validate().unwrap();
}

#[test]
fn serialising_and_loading_again_gives_an_equal_plan() {
    let plan = load("valid.json").unwrap();
    assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
    let value: Plan = serde_json::from_str(&plan.to_json()).unwrap();
    assert_eq!(value, plan);
    // Plan's own Deserialize validates as well.
    let json = std::fs::read_to_string("tests/bad/duplicate-clause-id.json").unwrap();
    let err = serde_json::from_str::<Plan>(&json).unwrap_err();
    assert!(chain(&err).contains("duplicate id `1`"), "{err}");
}

#[test]
fn more_of_the_catalogue() {
    // A byte-order mark is accepted: editors on some systems write one.
    assert_eq!(load("bom.json").unwrap().clauses().len(), 2);
    let cases = [
        ("invalid-utf8.json", "line 18, column 28: invalid UTF-8"),
        (
            "duplicate-key.json",
            "line 18, column 10, at `clauses[0]`: duplicate field `id`",
        ),
        ("empty-object.json", "line 1, column 2: missing field `id`"),
        (
            "deeply-nested.json",
            "at `title`: invalid type: sequence, expected a string",
        ),
        (
            "wrong-type.json",
            "at `clauses[0].sources`: invalid type: string \"S1\", expected a sequence",
        ),
        (
            "unknown-note-subject.json",
            "at `clauses[0].notes[0].subjects[0]`: unknown subject `territory/atlantis`",
        ),
        (
            "empty-outlet.json",
            "plan `sample`, at `sources[0].outlet`: must not be empty",
        ),
        (
            "foreign-reading.json",
            "plan `sample`, at `clauses[1].alternatives[0].provisions[1]`: speaks of `ceasefire/terms`, \
             which the clause's own provisions do not",
        ),
        (
            "unknown-but-stated.json",
            "plan `sample`, at `notes[0].subjects[0]`: says the position on `military/armed-forces-cap` \
             is unknown, but clause `2` states it",
        ),
        (
            "unknown-field-stated.json",
            "plan `sample`, at `clauses[1].notes[0].subjects[0]`: says `cap` of `military/armed-forces-cap` \
             is unknown, but clause `2` states it",
        ),
        (
            "unknown-not-a-field.json",
            "plan `sample`, at `clauses[1].notes[0].fields[0]`: `troops` is not a field of military provisions",
        ),
        (
            "fields-on-other-note.json",
            "plan `sample`, at `clauses[1].notes[0].fields`: only a note of kind `unknown` about one subject \
             or more names fields",
        ),
        (
            "unknown-proposer.json",
            "at `clauses[1].alternatives[0].proposed_by[0]`: unknown party `atlantis`",
        ),
        (
            "reading-unknown-source.json",
            "plan `sample`, at `clauses[1].alternatives[0].sources[0]`: cites source `S9`, \
             which is not in the plan's sources",
        ),
    ];
    for (file, expected) in cases {
        let message = message(file);
        assert!(message.contains(expected), "{file}: {message}");
    }
    let Err(Error::Parse {
        line: 18, column: 28, ..
    }) = Plan::from_reader(std::fs::File::open("tests/bad/invalid-utf8.json").unwrap())
    else {
        panic!("invalid UTF-8 from a reader")
    };
}

#[test]
fn size_limits_are_checked_before_the_expensive_work() {
    // A 100 MB string is refused before parsing.
    let huge = format!(r#"{{"id": "x", "title": "{}"}}"#, "a".repeat(100_000_000));
    let err = Plan::from_json(&huge).unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit, .. } if limit == Limits::default().input_bytes),
        "{err}"
    );
    let expected = format!("the input has {} bytes, over the limit of 67108864", huge.len());
    assert_eq!(chain(&err), expected);
    drop(huge);

    // Many clauses, a long text, many provisions: refused by the matching bound.
    let plan = load("valid.json").unwrap();
    let json = plan.to_json();
    let tight = Limits {
        clauses: 1,
        ..Limits::default()
    };
    assert!(
        chain(&Plan::from_json_with(&json, &tight).unwrap_err()).ends_with("2 clauses exceed the limit of 1")
    );
    let tight = Limits {
        text_chars: 10,
        ..Limits::default()
    };
    assert_eq!(
        chain(&Plan::from_json_with(&json, &tight).unwrap_err()),
        "plan `sample`, at `clauses[0].text`: 22 characters exceed the limit of 10"
    );
    let tight = Limits {
        input_bytes: 100,
        ..Limits::default()
    };
    assert!(matches!(
        Plan::from_json_with(&json, &tight),
        Err(Error::TooLarge { .. })
    ));
}
