//! Prints what plan B changes against plan A: a clause-by-clause redline with the
//! provision changes each clause carries.
//!
//! ```text
//! cargo run --example diff -- witkoff-2025-04 us-28-point-2025-11
//! cargo run --example diff -- old.json new.json --format json    # schema peacediff/diff/1
//! ```

use std::process::ExitCode;

use clap::Parser;
use peacediff::diff;
use peacediff::render::{Format, Render};

mod support;

/// Diff two peace plans.
///
/// Clause changes use the vocabulary of legal change tracking: substituted,
/// inserted, repealed, split, joined, regrouped, moved, renumbered. Under each,
/// the provisions it changes, with every changed field (cap: 600,000 → 800,000).
#[derive(Parser)]
#[command(about, long_about)]
struct Args {
    /// The old plan: a bundled id or alias, or a plan JSON file.
    a: String,
    /// The new plan: a bundled id or alias, or a plan JSON file.
    b: String,
    /// Output format. json follows the schema peacediff/diff/1.
    #[arg(long, value_parser = support::parse_format, default_value = "terminal")]
    format: Format,
    #[command(flatten)]
    output: support::Output,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plans = match support::plans(&[args.a.clone(), args.b.clone()]) {
        Ok(plans) => plans,
        Err(err) => return support::fail(support::chain(&err)),
    };
    let [a, b] = plans.as_slice() else {
        return support::fail("expected two plans");
    };
    let d = diff(a, b);
    args.output.emit(|options| d.render(args.format, options))
}
