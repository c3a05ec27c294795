//! Compares plans subject by subject: where they agree, where they differ, and
//! which plans side with which.
//!
//! ```text
//! cargo run --example compare                                    # the bundled plans
//! cargo run --example compare -- witkoff-2025-04 my-plan.json    # any plans, two or more
//! cargo run --example compare -- --topic territory --status divergent
//! cargo run --example compare -- --format markdown               # or json, html
//! cargo run --example compare -- --format html --output comparison.html
//! ```

use std::process::ExitCode;

use clap::Parser;
use peacediff::render::{Format, Render};
use peacediff::{RowStatus, Topic, compare};

mod support;

/// Compare peace plans subject by subject.
///
/// Each row is one subject (such as territory/crimea); each plan's cell shows the
/// clauses that speak of it and the position they take. Plans marked with the same
/// letter agree on the subject. A matrix of agreement between plans follows.
#[derive(Parser)]
#[command(about, long_about)]
struct Args {
    /// Bundled plan ids or aliases, or paths of plan JSON files (two or more) [default: the bundled plans].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format. json follows the schema peacediff/comparison/1.
    #[arg(long, value_parser = support::parse_format, default_value = "terminal")]
    format: Format,
    /// Show only subjects of this topic (territory, nato, sanctions, guarantees, …).
    #[arg(long, value_parser = parse_topic)]
    topic: Option<Topic>,
    /// Show only subjects with this status: consensus, divergent or partial.
    #[arg(long, value_parser = parse_status)]
    status: Option<RowStatus>,
    #[command(flatten)]
    output: support::Output,
}

fn parse_topic(name: &str) -> Result<Topic, String> {
    Topic::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Topic::ALL.iter().map(|t| t.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

fn parse_status(name: &str) -> Result<RowStatus, String> {
    RowStatus::from_name(name).ok_or_else(|| "expected consensus, divergent or partial".into())
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.plans.len() == 1 {
        return support::fail("give two or more plans to compare, or none for the bundled plans");
    }
    let comparison = support::plans(&args.plans).and_then(|plans| compare(&plans.iter().collect::<Vec<_>>()));
    let mut comparison = match comparison {
        Ok(comparison) => comparison,
        Err(err) => return support::fail(support::chain(&err)),
    };
    // The agreement matrix stays computed over every subject.
    comparison.rows.retain(|row| {
        args.topic.is_none_or(|topic| row.topic == topic)
            && args.status.is_none_or(|status| row.status == status)
    });
    args.output
        .emit(|options| comparison.render(args.format, options))
}
