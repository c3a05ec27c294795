//! Lists plans and their clauses: number, subjects and paraphrase.
//!
//! ```text
//! cargo run --example plans                          # every bundled plan
//! cargo run --example plans -- us-28-point-2025-11   # one plan, by id or alias
//! cargo run --example plans -- my-plan.json          # a plan file
//! cargo run --example plans -- --format json         # the crate's JSON form
//! ```

use std::fmt::{self, Write as _};
use std::process::ExitCode;

mod support;

use clap::{Parser, ValueEnum};
use peacediff::{NoteKind, Plan};

/// List peace plans and their clauses.
#[derive(Parser)]
#[command(about, long_about = None)]
struct Args {
    /// Bundled plan ids or aliases, or paths of plan JSON files [default: every bundled plan].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format: readable text for the terminal, or a JSON array of plans that `Plan::from_json` loads back.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    #[command(flatten)]
    output: support::Output,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Terminal,
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plans = match support::plans(&args.plans) {
        Ok(plans) => plans,
        Err(err) => return support::fail(support::chain(&err)),
    };
    args.output.emit(|options| match args.format {
        // Serialising plans cannot fail: every map key is a string.
        Format::Json => serde_json::to_string_pretty(&plans).unwrap_or_default() + "\n",
        Format::Terminal => {
            let mut text = String::new();
            for (index, plan) in plans.iter().enumerate() {
                if index > 0 {
                    text.push('\n');
                }
                // Writing into a String cannot fail.
                let _ = write_plan(&mut text, plan, options.width);
            }
            text
        }
    })
}

fn write_plan(out: &mut String, plan: &Plan, width: usize) -> fmt::Result {
    writeln!(out, "{} — {}", plan.id, plan.title)?;
    let sponsors: Vec<&str> = plan.sponsors.iter().map(|p| p.as_str()).collect();
    writeln!(
        out,
        "{} · {} · {} clauses · sponsors: {}",
        plan.date,
        plan.completeness,
        plan.clauses().len(),
        sponsors.join(", ")
    )?;
    if !plan.aliases.is_empty() {
        writeln!(out, "also known as: {}", plan.aliases.join("; "))?;
    }
    let indent = plan
        .clauses()
        .values()
        .map(|c| c.label().len())
        .max()
        .unwrap_or(0)
        + 4;
    for clause in plan.clauses().values() {
        let subjects: Vec<String> = clause.subjects().iter().map(ToString::to_string).collect();
        writeln!(out)?;
        writeln!(
            out,
            "  {:>width$}  {}  [{}]",
            clause.label(),
            subjects.join(", "),
            clause.confidence,
            width = indent - 4
        )?;
        for line in wrap(&clause.text, width.saturating_sub(indent).max(20)) {
            writeln!(out, "{:indent$}{line}", "")?;
        }
        for reading in &clause.alternatives {
            let text = format!(
                "reports differ ({}, {}): {}",
                reading.sources.join(", "),
                reading.confidence,
                reading.text
            );
            for line in wrap(&text, width.saturating_sub(indent).max(20)) {
                writeln!(out, "{:indent$}{line}", "")?;
            }
        }
    }
    let absent = plan.notes.iter().filter(|n| n.kind == NoteKind::Absent);
    for note in absent {
        let subjects: Vec<String> = note.subjects.iter().map(ToString::to_string).collect();
        writeln!(out)?;
        writeln!(out, "  leaves out {}", subjects.join(", "))?;
        for line in wrap(&note.text, width.saturating_sub(4).max(20)) {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// Greedy word wrap; a word longer than the width gets a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
