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
fn compare_with_no_arguments_prints_the_table_of_every_bundled_plan() {
    for width in ["80", "160"] {
        let output = example("compare")
            .env("COLUMNS", width)
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.starts_with("Legend: "));
        assert!(text.contains("ukraine-membership"));
        assert!(text.contains("(14) ukraine-20-point-2025-12"));
        assert!(text.contains("117 subjects: 20 consensus, 46 divergent, 51 single."));
        // The partial plans' silence shows as unknown, not as absence.
        assert!(text.contains('?'));
        // Not a terminal: no colour, and every line fits the width.
        assert!(!text.contains('\u{1b}'));
        let width: usize = width.parse().unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= width));
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let forced = run("compare", &["--color", "always", "--topic", "nato"]);
    assert!(String::from_utf8(forced.stdout).unwrap().contains("\u{1b}["));
    let output = example("compare")
        .args(["--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8(output.stdout).unwrap().contains('\u{1b}'));
    let never = run(
        "diff",
        &["witkoff-2025-04", "us-28-point-2025-11", "--color", "never"],
    );
    assert!(!String::from_utf8(never.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn filters_and_formats() {
    let output = run(
        "compare",
        &[
            "--topic",
            "nuclear",
            "--status",
            "divergent",
            "--format",
            "markdown",
        ],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(
        rows[0].starts_with("| `nuclear/zaporizhzhia-npp` | divergent (6 plans, 5 positions; 8 unknown; A, B, C share stance: returned to ukraine; A, D share supervisor: iaea)"),
        "{}",
        rows[0]
    );

    let path = std::env::temp_dir().join(format!("peacediff-compare-{}.html", std::process::id()));
    let output = run(
        "compare",
        &["--format", "html", "--output", path.to_str().unwrap()],
    );
    assert!(output.status.success() && output.stdout.is_empty());
    let html = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<table class=\"comparison\">"));
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    // Each run is a new process with new hash seeds: output must not depend on them.
    let cases: [(&str, &[&str]); 6] = [
        ("compare", &["--format", "json"]),
        ("compare", &["--format", "html"]),
        ("compare", &[]),
        ("merge", &["--format", "json"]),
        ("merge", &[]),
        ("evolution", &["territory/donetsk", "--format", "json"]),
    ];
    for (name, args) in cases {
        assert_eq!(run(name, args).stdout, run(name, args).stdout, "{name} {args:?}");
    }
}

#[test]
fn compare_and_diff_print_versioned_json() {
    for (name, args, schema) in [
        ("compare", &["--format", "json"][..], "peacediff/comparison/2"),
        (
            "diff",
            &["witkoff-2025-04", "us-28-point-2025-11", "--format", "json"][..],
            "peacediff/diff/2",
        ),
    ] {
        let output = run(name, args);
        // diff(1)'s convention: 1 when the plans differ.
        let expected = if name == "diff" { 1 } else { 0 };
        assert_eq!(output.status.code(), Some(expected), "{name}");
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
        ("compare", &["--output", "/nonexistent/dir/out.txt"][..]),
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

#[test]
fn the_readme_excerpt_is_what_the_command_prints() {
    let output = run("compare", &["--topic", "nato", "--width", "90"]);
    let text = String::from_utf8(output.stdout).unwrap();
    // The legend and the first row in full.
    let excerpt: Vec<&str> = text.lines().take(39).collect();
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&excerpt.join("\n")),
        "README.md excerpt is stale:\n{}",
        excerpt.join("\n")
    );
}

#[test]
fn merge_prints_the_november_texts_with_their_conflicts() {
    let output = run("merge", &["--width", "100"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Merge of geneva-revision-2025-11 (ours) and e3-counter-2025-11 (theirs)"));
    assert!(text.contains("conflict  military/armed-forces-cap"));
    assert!(text.contains("differ on: peacetime only"));
    assert!(text.contains("conflicts to resolve."));

    let output = run("merge", &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["schema"], "peacediff/merge/2");

    // A resolved merge is a plan the loader reads back.
    let output = run("merge", &["--resolve", "theirs", "--format", "json"]);
    assert!(output.status.success());
    let plan = peacediff::Plan::from_json(std::str::from_utf8(&output.stdout).unwrap()).unwrap();
    assert!(
        plan.clauses()
            .values()
            .flat_map(|c| &c.notes)
            .all(|n| n.kind != peacediff::NoteKind::Conflict)
    );

    for args in [
        &["us-28-point-2025-11", "nowhere", "e3-counter-2025-11"][..],
        &[
            "us-28-point-2025-11",
            "tests/bad/truncated.json",
            "e3-counter-2025-11",
        ][..],
        &["us-28-point-2025-11"][..],
    ] {
        let output = run("merge", args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
}

#[test]
fn evolution_prints_a_subjects_history() {
    let output = run("evolution", &["military/armed-forces-cap", "--width", "100"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("military/armed-forces-cap through 14 plans"));
    // From the two sides' figures of 2022 to the 20-point framework.
    assert!(text.contains("army-russia capped · cap: 85,000"));
    assert!(text.contains("army-ukraine capped · cap: 250,000"));
    assert!(text.contains("changed: cap: 600,000 → 800,000"));
    assert!(text.contains("reported otherwise: unrestricted"));

    let output = run(
        "evolution",
        &[
            "territory/crimea",
            "us-28-point-2025-11",
            "witkoff-2025-04",
            "--format",
            "markdown",
        ],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    // Date order, whatever the order given.
    let april = text.find("witkoff-2025-04").unwrap();
    assert!(april < text.find("us-28-point-2025-11").unwrap());

    for args in [
        &["territory/atlantis"][..],
        &["military/armed-forces-cap", "nowhere"][..],
        &[][..],
    ] {
        let output = run("evolution", args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
}

/// A plan file whose free texts carry terminal escapes, bidi and markup.
fn hostile_plan_file() -> std::path::PathBuf {
    let mut plan = peacediff::corpus::get("witkoff-2025-04").unwrap().clone();
    let payload =
        "\u{1b}[2J\u{1b}]52;c;SGVsbG8=\u{7}\u{9b}31m\r\u{8} \u{202e}x <script>alert(1)</script>\n# h";
    plan.title.push_str(payload);
    let first = plan.clauses()[0].id().to_owned();
    plan.clause_mut(&first).unwrap().text.push_str(payload);
    let path = std::env::temp_dir().join(format!("peacediff-hostile-{}.json", std::process::id()));
    std::fs::write(&path, plan.to_json()).unwrap();
    path
}

/// No control or invisible character except line breaks and, with colour, the
/// renderer's own `ESC [ … m` styles.
fn clean(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let mut rest = text.as_ref();
    let mut shown = String::new();
    while let Some(at) = rest.find("\u{1b}[") {
        shown.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        match tail.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(end) if tail[end..].starts_with('m') => rest = &tail[end + 1..],
            _ => return false,
        }
    }
    shown.push_str(rest);
    !shown.chars().any(|c| {
        (c.is_control() && c != '\n') || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}')
    })
}

#[test]
fn hostile_text_reaches_no_output_raw_in_any_program_or_colour_mode() {
    let file = hostile_plan_file();
    let file = file.to_str().unwrap();
    for color in ["always", "never"] {
        for (program, args) in [
            ("plans", vec![file]),
            ("diff", vec!["witkoff-2025-04", file]),
            ("compare", vec![file, "us-28-point-2025-11"]),
            (
                "merge",
                vec!["witkoff-2025-04", file, "european-ukrainian-2025-04"],
            ),
        ] {
            for format in ["terminal", "markdown", "html"] {
                let mut all = args.clone();
                all.extend(["--color", color, "--format", format]);
                let output = run(program, &all);
                // diff says by status 1 that the plans differ.
                let expected = if program == "diff" { 1 } else { 0 };
                assert!(
                    output.status.code() == Some(expected),
                    "{program} {all:?}: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
                assert!(
                    clean(&output.stdout),
                    "{program} {all:?} wrote a control byte from the data"
                );
            }
        }
    }
}

#[test]
fn bad_input_ends_with_one_clean_error_line_and_status_2() {
    let dir = std::env::temp_dir();
    let key = dir.join(format!("peacediff-key-{}.json", std::process::id()));
    let valid = std::fs::read_to_string("tests/bad/valid.json").unwrap();
    let long_key = format!("\"k\\u001b[2J\\n{}\": 1, ", "x".repeat(1_000_000));
    std::fs::write(
        &key,
        valid.replacen("\"title\"", &format!("{long_key}\"title\""), 1),
    )
    .unwrap();
    let mut cases = vec![vec![key.to_str().unwrap().to_owned()]];
    #[cfg(unix)]
    {
        // A FIFO with no writer: refused at once rather than waited on.
        let fifo = dir.join(format!("peacediff-fifo-{}", std::process::id()));
        let _ = std::fs::remove_file(&fifo);
        if Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            cases.push(vec![fifo.to_str().unwrap().to_owned()]);
        }
    }
    for args in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run("plans", &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.len() < 2_000 && clean(stderr.as_bytes()), "{stderr:?}");
    }
}

#[test]
fn a_huge_width_is_clamped() {
    let output = run("compare", &["--width", "18446744073709551615"]);
    assert!(output.status.success());
    assert!(output.stdout.len() < 2_000_000, "{} bytes", output.stdout.len());
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_standard_output_is_an_error_and_dev_null_is_not() {
    let program = example("compare");
    let program = program.get_program().to_str().unwrap().to_owned();
    let closed = Command::new("sh")
        .arg("-c")
        .arg(format!("exec '{program}' >&-"))
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&closed.stderr).lines().count(), 1);
    let null = Command::new("sh")
        .arg("-c")
        .arg(format!("exec '{program}' >/dev/null"))
        .output()
        .unwrap();
    assert!(null.status.success());
}

#[test]
fn scale_explains_itself_instead_of_running() {
    let help = run("scale", &["--help"]);
    assert!(help.status.success());
    assert!(
        String::from_utf8(help.stdout)
            .unwrap()
            .starts_with("Prints the figures of BENCHMARKS.md")
    );
    let bad = run("scale", &["many"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_readme_excerpt_of_the_stated_positions_is_what_the_command_prints() {
    let output = run("positions", &["ukraine-20-point-2025-12", "--width", "90"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("differs   military/armed-forces-cap"))
        .unwrap();
    let excerpt = lines[start..start + 14].join("\n");
    let heading = lines
        .iter()
        .find(|l| l.starts_with("── ukraine-20-point-2025-12: "))
        .unwrap();
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&excerpt),
        "README.md excerpt is stale:\n{excerpt}"
    );
    assert!(readme.contains(heading), "README.md heading is stale:\n{heading}");
}
