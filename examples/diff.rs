//! Prints what plan B changes against plan A: a clause-by-clause redline with the
//! provision changes each clause carries.
//!
//! ```text
//! cargo run --example diff -- witkoff-2025-04 us-28-point-2025-11
//! cargo run --example diff -- old.json new.json --format json    # schema peacediff/diff/2
//! ```

use std::process::ExitCode;

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("diff")
}
