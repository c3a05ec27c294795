//! Prints the three-way merge of two descendants of one draft: what each side
//! changed, what both changed alike, and the conflicts, subject by subject and
//! clause by clause.
//!
//! ```text
//! cargo run --example merge              # the November 2025 texts over the 28-point draft
//! cargo run --example merge -- base.json ours.json theirs.json --format json   # schema peacediff/merge/1
//! cargo run --example merge -- --resolve theirs --format json                  # the merged plan, conflicts resolved
//! ```

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use peacediff::render::{Format, Render};
use peacediff::{Side, merge};

mod support;

/// Merge two descendants of a plan over their common base.
///
/// With no plans given, merges the Geneva revision (ours) and the E3 amended
/// text (theirs) over the US 28-point draft (base). A partial plan silent on a
/// subject counts as unchanged there.
#[derive(Parser)]
#[command(about, long_about)]
struct Args {
    /// The common base: a bundled id or alias, or a plan JSON file.
    #[arg(requires_all = ["ours", "theirs"])]
    base: Option<String>,
    /// The first descendant.
    ours: Option<String>,
    /// The second descendant.
    theirs: Option<String>,
    /// Output format. json follows the schema peacediff/merge/1.
    #[arg(long, value_parser = support::parse_format, default_value = "terminal")]
    format: Format,
    /// Print the merged plan with every conflict resolved to one side, as plan JSON.
    #[arg(long, value_enum)]
    resolve: Option<Resolve>,
    #[command(flatten)]
    output: support::Output,
}

#[derive(Clone, Copy, ValueEnum)]
enum Resolve {
    Ours,
    Theirs,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let names = match (args.base, args.ours, args.theirs) {
        (Some(base), Some(ours), Some(theirs)) => [base, ours, theirs],
        _ => [
            "us-28-point-2025-11",
            "geneva-revision-2025-11",
            "e3-counter-2025-11",
        ]
        .map(str::to_owned),
    };
    let plans = match support::plans(&names) {
        Ok(plans) => plans,
        Err(err) => return support::fail(support::chain(&err)),
    };
    let [base, ours, theirs] = plans.as_slice() else {
        return support::fail("expected three plans");
    };
    let merged = merge(base, ours, theirs);
    let format = args.format;
    match args.resolve {
        Some(side) => {
            let side = match side {
                Resolve::Ours => Side::Ours,
                Resolve::Theirs => Side::Theirs,
            };
            match merged.resolve(side) {
                Ok(plan) => args.output.emit(|_| plan.to_json() + "\n"),
                Err(err) => support::fail(support::chain(&err)),
            }
        }
        None => args.output.emit(|options| merged.render(format, options)),
    }
}
