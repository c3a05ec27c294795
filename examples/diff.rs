//! Prints what plan B changes against plan A: a clause-by-clause redline and the
//! provision changes with their fields.
//!
//! ```text
//! cargo run --example diff -- witkoff-2025-04 us-28-point-2025-11
//! cargo run --example diff -- old.json new.json --format json    # schema peacediff/diff/1
//! ```

use std::process::ExitCode;

mod support;

use clap::{Parser, ValueEnum};
use peacediff::{diff, render};

/// Diff two peace plans.
#[derive(Parser)]
#[command(about, long_about = None)]
struct Args {
    /// The old plan: a bundled id or alias, or a plan JSON file.
    a: String,
    /// The new plan: a bundled id or alias, or a plan JSON file.
    b: String,
    /// Output format: a readable redline, or JSON (schema `peacediff/diff/1`).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plans = match support::plans(&[args.a, args.b]) {
        Ok(plans) => plans,
        Err(err) => return support::fail(err),
    };
    let [a, b] = plans.as_slice() else {
        return support::fail("expected two plans");
    };
    let d = diff(a, b);
    match args.format {
        Format::Text => support::print(d),
        Format::Json => support::print(format_args!("{}\n", render::json::to_json(&d))),
    }
}
