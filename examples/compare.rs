//! Compares plans subject by subject: where they agree, where they differ, and
//! which plans side with which.
//!
//! ```text
//! cargo run --example compare                                    # the bundled core plans
//! cargo run --example compare -- witkoff-2025-04 my-plan.json    # any plans, two or more
//! cargo run --example compare -- --format json                   # schema peacediff/comparison/1
//! ```

use std::process::ExitCode;

mod support;

use clap::{Parser, ValueEnum};
use peacediff::{compare, render};

/// Compare peace plans subject by subject.
#[derive(Parser)]
#[command(about, long_about = None)]
struct Args {
    /// Bundled plan ids or aliases, or paths of plan JSON files (two or more) [default: the bundled plans].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format: a readable table, or JSON (schema `peacediff/comparison/1`).
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
    if args.plans.len() == 1 {
        return support::fail("give two or more plans to compare, or none for the bundled plans");
    }
    let comparison = support::plans(&args.plans).and_then(|plans| compare(&plans.iter().collect::<Vec<_>>()));
    match comparison {
        Ok(comparison) => match args.format {
            Format::Text => support::print(comparison),
            Format::Json => support::print(format_args!("{}\n", render::json::to_json(&comparison))),
        },
        Err(err) => support::fail(err),
    }
}
