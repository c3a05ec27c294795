//! One rule set: `Plan::validate` rejects a plan built in code exactly when the
//! loader rejects its JSON form, and plans build in code without JSON.

use std::fs;

use peacediff::*;
use serde_json::Value;

mod common;

/// A plan built in code from the parts of a JSON file, with no check on the way:
/// `None` when a part does not have its type's shape (a parse error for the loader).
fn built_from_parts(json: &Value) -> Option<Plan> {
    let part = |key: &str| json.get(key).cloned().unwrap_or(Value::Null);
    let text = |key: &str| part(key).as_str().map(str::to_owned);
    let date: Date = serde_json::from_value(part("date")).ok()?;
    let completeness: Completeness = serde_json::from_value(part("completeness")).ok()?;
    let mut plan = Plan::new(text("id")?, text("title")?, date, completeness);
    for source in serde_json::from_value::<Vec<Source>>(part("sources")).ok()? {
        plan = plan.with_source(source);
    }
    for clause in serde_json::from_value::<Vec<Clause>>(part("clauses")).ok()? {
        plan = plan.with_clause(clause);
    }
    if json.get("notes").is_some() {
        for note in serde_json::from_value::<Vec<Note>>(part("notes")).ok()? {
            plan = plan.with_note(note);
        }
    }
    Some(plan)
}

#[test]
fn validate_rejects_what_the_loader_rejects_in_the_catalogue_of_bad_files() {
    let mut compared = 0;
    for entry in fs::read_dir("tests/bad").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let loaded = Plan::from_path(&path);
        let text = fs::read(&path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        // The loader skips a byte-order mark.
        let text = text.map(|t| t.trim_start_matches('\u{feff}').to_owned());
        let Some(json) = text.and_then(|t| serde_json::from_str::<Value>(&t).ok()) else {
            assert!(loaded.is_err(), "{name}: not JSON, yet it loads");
            continue;
        };
        let Some(built) = built_from_parts(&json) else {
            // A part without its type's shape cannot be built in code either.
            assert!(matches!(loaded, Err(Error::Parse { .. })), "{name}: {loaded:?}");
            continue;
        };
        // Text-level faults (a key written twice) and ids repeated in a list have no
        // counterpart in a plan built in code: there the second clause replaces the first.
        if matches!(&loaded, Err(Error::Parse { .. }))
            || matches!(
                &loaded,
                Err(Error::Invalid {
                    problem: Problem::DuplicateId { .. },
                    ..
                })
            )
        {
            continue;
        }
        match (&loaded, built.validate()) {
            (Ok(plan), Ok(())) => assert_eq!(plan, &built, "{name}"),
            (
                Err(Error::Invalid {
                    path: a, problem: p, ..
                }),
                Err(Error::Invalid {
                    path: b, problem: q, ..
                }),
            ) => {
                assert_eq!((a, p), (&b, &q), "{name}")
            }
            (loaded, validated) => {
                panic!("{name}: the loader gives {loaded:?}, validate gives {validated:?}")
            }
        }
        compared += 1;
    }
    assert!(compared >= 10, "only {compared} files compared");
}

/// A small valid plan, built in code.
fn sample() -> Plan {
    let cap = Military::new(MilitarySubject::ArmedForcesCap, MilitaryStance::Capped);
    Plan::new(
        "sample",
        "Sample plan",
        "2025-05-01".parse().unwrap(),
        Completeness::Complete,
    )
    .with_source(Source::new(
        "S1",
        "Example News",
        "A report",
        "https://example.org/report",
        "2025-05-01".parse().unwrap(),
    ))
    .with_clause(
        Clause::new("1", "The army is capped.", Confidence::High)
            .with_provision(cap)
            .with_source("S1"),
    )
}

#[test]
fn plans_edited_in_code_pass_validate_exactly_when_their_json_loads() {
    type Edit = fn(&mut Plan);
    let edits: &[(&str, Edit)] = &[
        ("nothing", |_| {}),
        ("month 13", |p| p.date.month = 13),
        ("30 February", |p| {
            p.date = Date {
                month: 2,
                day: Some(30),
                ..p.date
            }
        }),
        ("a five-digit year", |p| p.date.year = 20_250),
        ("a source dated day 0", |p| {
            p.source_mut("S1").unwrap().date.day = Some(0)
        }),
        ("an empty title", |p| p.title = " ".into()),
        ("a cap of zero", |p| {
            p.clause_mut("1").unwrap().provisions[0] = Military {
                cap: Some(0),
                ..Military::new(MilitarySubject::ArmedForcesCap, MilitaryStance::Capped)
            }
            .into()
        }),
        ("a text over the limit", |p| {
            p.clause_mut("1").unwrap().text = "word ".repeat(5_000)
        }),
        ("an unknown source", |p| {
            p.clause_mut("1").unwrap().sources.push("S9".into())
        }),
        ("a bad other slug", |p| {
            p.clause_mut("1")
                .unwrap()
                .provisions
                .push(Other::new("Not Kebab", "x").into())
        }),
        ("no provisions", |p| p.clause_mut("1").unwrap().provisions.clear()),
        ("an id with a space", |p| p.id = "my plan".into()),
    ];
    for (what, edit) in edits {
        let mut plan = sample();
        edit(&mut plan);
        let validated = plan.validate();
        let loaded = Plan::from_json(&plan.to_json());
        assert_eq!(
            validated.is_ok(),
            loaded.is_ok(),
            "{what}: validate {validated:?}, loader {loaded:?}"
        );
        if let (Err(a), Err(b)) = (&validated, &loaded) {
            assert_eq!(a.path(), b.path(), "{what}");
        }
    }
}

#[test]
fn subjects_build_by_the_rule_they_parse_by() {
    assert_eq!(Subject::new(Topic::Territory, "atlantis"), None);
    assert!("territory/atlantis".parse::<Subject>().is_err());
    for (subject, _) in known_subjects() {
        assert_eq!(
            Subject::new(subject.topic(), subject.slug()),
            Some(subject.clone())
        );
        assert_eq!(subject.to_string().parse::<Subject>(), Ok(subject));
    }
    assert_eq!(
        "~2025-11-21".parse::<Date>().map(|d| d.to_string()),
        Ok("~2025-11-21".to_owned())
    );
    assert_eq!(
        "russian_de_facto".parse::<TerritoryStatus>(),
        Ok(TerritoryStatus::RussianDeFacto)
    );
}

#[test]
fn a_plan_built_in_code_diffs_against_a_bundled_plan_by_typed_fields() {
    let plan = Plan::new(
        "mine",
        "My plan",
        "2025-12-01".parse().unwrap(),
        Completeness::Complete,
    )
    .with_source(Source::new(
        "S1",
        "Example News",
        "A report",
        "https://example.org/a",
        "2025-12-01".parse().unwrap(),
    ))
    .with_clause(
        Clause::new(
            "1",
            "Crimea stays under Russian control in fact.",
            Confidence::High,
        )
        .with_provision(Territory::new(
            TerritorySubject::Crimea,
            TerritoryStatus::RussianDeFacto,
        ))
        .with_source("S1"),
    )
    .with_clause(
        Clause::new("2", "Ukraine gives up NATO membership.", Confidence::High)
            .with_provision(Nato::new(NatoSubject::UkraineMembership, NatoStance::Renounced))
            .with_source("S1"),
    )
    .with_clause(
        Clause::new("3", "Ukraine's army is capped at 700,000.", Confidence::High)
            .with_provision(Military {
                cap: Some(700_000),
                ..Military::new(MilitarySubject::ArmedForcesCap, MilitaryStance::Capped)
            })
            .with_source("S1"),
    );
    plan.validate().unwrap();
    let draft = corpus::get("us-28-point-2025-11").unwrap();
    let changes = diff(draft, &plan);
    let cap = common::change(&changes, "military/armed-forces-cap");
    assert_eq!(cap.kind, ProvisionChangeKind::Amended);
    assert!(matches!(
        cap.fields.as_slice(),
        [FieldChange {
            before: Some(FieldValue::Number(600_000)),
            after: Some(FieldValue::Number(700_000)),
            ..
        }]
    ));
    assert_eq!(changes.apply(draft).unwrap(), plan);
}
