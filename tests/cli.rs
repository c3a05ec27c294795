//! The `peacediff` command, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn peacediff(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_peacediff"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        // A program that refuses its arguments exits without reading its input.
        let _ = input.write_all(text.as_bytes());
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn diff_exits_0_for_the_same_plans_1_for_different_ones_and_2_on_trouble() {
    let same = peacediff(&["diff", "witkoff-2025-04", "witkoff-2025-04"], None);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    let different = peacediff(&["diff", "witkoff-2025-04", "us-28-point-2025-11"], None);
    assert_eq!(different.status.code(), Some(1));
    assert!(!different.stdout.is_empty());
    let quiet = peacediff(&["diff", "-q", "witkoff-2025-04", "us-28-point-2025-11"], None);
    assert_eq!(quiet.status.code(), Some(1));
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
    let trouble = peacediff(&["diff", "witkoff-2025-04", "no-such-plan"], None);
    assert_eq!(trouble.status.code(), Some(2));
    assert_eq!(stderr(&trouble).lines().count(), 1);
}

#[test]
fn a_dash_reads_standard_input() {
    let plan = peacediff::corpus::get("witkoff-2025-04").unwrap().to_json();
    let output = peacediff(&["diff", "-", "witkoff-2025-04"], Some(&plan));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let twice = peacediff(&["diff", "-", "-"], Some(&plan));
    assert_eq!(twice.status.code(), Some(2));
    assert_eq!(
        stderr(&twice),
        "error: standard input (`-`) can be read only once\n"
    );
    let bad = peacediff(&["plans", "-"], Some("{\"id\": 5}"));
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).starts_with("error: standard input: line 1, column 8, at `id`"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn what_plans_writes_as_json_every_command_reads_back() {
    let listed = peacediff(&["plans", "--format", "json"], None);
    assert_eq!(listed.status.code(), Some(0));
    let json = stdout(&listed);
    assert_eq!(
        peacediff::Plan::list_from_json(&json).unwrap(),
        peacediff::corpus::all()
    );
    let from_list = peacediff(&["compare", "-", "--format", "json"], Some(&json));
    let bundled = peacediff(&["compare", "--format", "json"], None);
    assert_eq!(from_list.status.code(), Some(0), "{}", stderr(&from_list));
    assert_eq!(from_list.stdout, bundled.stdout);
    // Where one plan is expected, the list of every bundled plan is refused by name.
    let diffed = peacediff(&["diff", "-", "witkoff-2025-04"], Some(&json));
    assert_eq!(diffed.status.code(), Some(2));
    assert_eq!(
        stderr(&diffed),
        format!(
            "error: standard input holds {} plans where one is expected\n",
            peacediff::corpus::all().len()
        )
    );
}

#[test]
fn version_and_helps_describe_the_command() {
    let version = peacediff(&["--version"], None);
    assert_eq!(
        stdout(&version),
        format!("peacediff {}\n", env!("CARGO_PKG_VERSION"))
    );
    for (command, says) in [
        ("compare", "Compare peace plans subject by subject"),
        (
            "diff",
            "Exit status: 0 when the plans are the same, 1 when they differ",
        ),
        ("merge", "Merge two descendants of a plan"),
        ("evolution", "Follow one subject through peace plans"),
        ("plans", "List peace plans and their clauses"),
    ] {
        let help = stdout(&peacediff(&[command, "--help"], None));
        assert!(help.contains(says), "{command}: {help}");
        assert!(
            help.contains("Possible values:") && help.contains("- html:"),
            "{command}: {help}"
        );
        assert!(help.contains(&format!("Usage: peacediff {command}")), "{command}");
    }
}

#[test]
fn every_option_is_honoured() {
    // A resolved merge is printed in the format asked for.
    let markdown = peacediff(&["merge", "--resolve", "theirs", "--format", "markdown"], None);
    assert_eq!(markdown.status.code(), Some(0));
    assert!(stdout(&markdown).starts_with("## "), "{}", stdout(&markdown));
    let json = peacediff(&["merge", "--resolve", "ours", "--format", "json"], None);
    assert!(peacediff::Plan::from_json(&stdout(&json)).is_ok());
    // --exit-code: the November merge has conflicts.
    let conflicts = peacediff(&["merge", "--exit-code"], None);
    assert_eq!(conflicts.status.code(), Some(1));
    assert_eq!(peacediff(&["merge"], None).status.code(), Some(0));
    // An unknown subject lists the valid ones of its topic.
    let unknown = peacediff(&["evolution", "military/tanks"], None);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("armed-forces-cap"),
        "{}",
        stderr(&unknown)
    );
    // Plans in every format; several plans in one HTML page.
    let page = stdout(&peacediff(&["plans", "--format", "html"], None));
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(
        page.matches("<section class=\"plan\">").count(),
        peacediff::corpus::all().len()
    );
}

#[test]
fn the_examples_are_the_commands_short_form() {
    let dir = std::path::Path::new(env!("CARGO_BIN_EXE_peacediff"))
        .parent()
        .unwrap()
        .join("examples");
    for command in ["compare", "diff", "merge", "evolution", "plans", "import"] {
        let example = Command::new(dir.join(command)).arg("--help").output().unwrap();
        let binary = peacediff(&[command, "--help"], None);
        assert_eq!(example.stdout, binary.stdout, "{command}");
    }
}

#[test]
fn import_writes_the_plan_and_a_review_list_and_text_loads_anywhere() {
    let output = peacediff(&["import", "tests/texts/us-28-point-reworded.txt"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let plan = peacediff::Plan::from_json(&stdout(&output)).unwrap();
    assert_eq!(plan.id, "reworded-28-point");
    let review = stderr(&output);
    assert_eq!(review.lines().count(), 50);
    assert!(
        review
            .lines()
            .nth(5)
            .unwrap()
            .starts_with("6  military/armed-forces-cap  ← ")
    );
    // The text diffs against the bundled draft directly.
    let diffed = peacediff(
        &[
            "diff",
            "us-28-point-2025-11",
            "tests/texts/us-28-point-reworded.txt",
            "--width",
            "200",
        ],
        None,
    );
    assert_eq!(diffed.status.code(), Some(1));
    assert!(stdout(&diffed).contains("amended military/armed-forces-cap: cap: 600,000 → 800,000"));
    // From standard input, with a plan id from the command line.
    let piped = peacediff(
        &["import", "-", "--id", "piped", "--date", "2025-12-01", "-q"],
        Some("1. A ceasefire starts at once."),
    );
    assert_eq!(peacediff::Plan::from_json(&stdout(&piped)).unwrap().id, "piped");
    assert!(piped.stderr.is_empty());
    let empty = peacediff(&["import", "-"], Some(""));
    assert_eq!(empty.status.code(), Some(2));
    assert_eq!(
        stderr(&empty),
        "error: line 1, column 1: the text holds no points or paragraphs to import\n"
    );
}
