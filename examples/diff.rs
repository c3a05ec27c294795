//! Prints what plan B changes against plan A: a clause-by-clause redline and the
//! provision changes with their fields.
//!
//! ```text
//! cargo run --example diff -- witkoff-2025-04 us-28-point-2025-11
//! cargo run --example diff -- old.json new.json --format json    # schema peacediff/diff/1
//! ```

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use peacediff::{corpus, diff, json};

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
    let plans = corpus::load(&args.a).and_then(|a| Ok((a, corpus::load(&args.b)?)));
    match plans {
        Ok((a, b)) => {
            let d = diff(&a, &b);
            match args.format {
                Format::Text => print!("{d}"),
                Format::Json => println!("{}", json::to_json(&d)),
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
