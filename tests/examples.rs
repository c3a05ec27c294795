//! The example programs, run as a user runs them.

use std::path::PathBuf;
use std::process::{Command, Output};

/// An example binary built by `cargo test` next to this test binary.
fn example(name: &str) -> Command {
    let mut path: PathBuf = std::env::current_exe().unwrap();
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    Command::new(path.join("examples").join(name))
}

fn run(name: &str, args: &[&str]) -> Output {
    example(name)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap()
}

#[test]
fn plans_lists_every_bundled_plan_as_text() {
    let output = run("plans", &[]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    for plan in peacediff::corpus::all() {
        assert!(
            text.contains(&format!("{} — {}", plan.id, plan.title)),
            "{}",
            plan.id
        );
    }
    assert!(text.contains("military/armed-forces-cap"));
}

#[test]
fn plans_as_json_loads_back_with_the_crate() {
    let output = run("plans", &["--format", "json"]);
    assert!(output.status.success());
    let array: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(array.len(), peacediff::corpus::all().len());
    for (value, bundled) in array.iter().zip(peacediff::corpus::all()) {
        let plan = peacediff::Plan::from_json(&value.to_string()).unwrap();
        assert_eq!(&plan, bundled);
    }
}

#[test]
fn plans_takes_ids_aliases_and_files() {
    let output = run("plans", &["Kiloj Plan", "tests/bad/valid.json"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("european-ukrainian-2025-04 — "));
    assert!(text.contains("sample — Sample plan"));
}

#[test]
fn bad_arguments_print_one_error_line_and_exit_with_2() {
    for (args, expected) in [
        (
            &["no-such-plan"][..],
            "error: `no-such-plan` is neither a bundled plan",
        ),
        (
            &["tests/bad/duplicate-clause-id.json"][..],
            "error: tests/bad/duplicate-clause-id.json: plan `sample`, at `clauses[1].id`",
        ),
    ] {
        let output = run("plans", args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(expected), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

#[test]
fn compare_with_no_arguments_prints_the_three_plan_table() {
    let output = run("compare", &[]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Comparison of 3 plans:"));
    assert!(text.contains("nato/ukraine-membership — divergent"));
    assert!(text.contains("Agreement"));
}

#[test]
fn compare_and_diff_print_versioned_json() {
    for (name, args, schema) in [
        ("compare", &["--format", "json"][..], "peacediff/comparison/1"),
        (
            "diff",
            &["witkoff-2025-04", "us-28-point-2025-11", "--format", "json"][..],
            "peacediff/diff/1",
        ),
    ] {
        let output = run(name, args);
        assert!(output.status.success(), "{name}");
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(value["schema"], schema);
    }
}

#[test]
fn compare_and_diff_reject_bad_arguments_with_exit_code_2() {
    for (name, args) in [
        ("compare", &["witkoff-2025-04"][..]),
        ("compare", &["witkoff-2025-04", "nowhere"][..]),
        ("compare", &["witkoff-2025-04", "witkoff-2025-04"][..]),
        ("diff", &["witkoff-2025-04", "tests/bad/truncated.json"][..]),
    ] {
        let output = run(name, args);
        assert_eq!(output.status.code(), Some(2), "{name} {args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("error: ") && stderr.lines().count() == 1,
            "{stderr}"
        );
    }
}
