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

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("compare")
}
