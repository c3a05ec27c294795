//! Lists plans and their clauses: number, subjects and paraphrase.
//!
//! ```text
//! cargo run --example plans                          # every bundled plan
//! cargo run --example plans -- us-28-point-2025-11   # one plan, by id or alias
//! cargo run --example plans -- my-plan.json          # a plan file
//! cargo run --example plans -- --format json         # the crate's JSON form
//! ```

use std::process::ExitCode;

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("plans")
}
