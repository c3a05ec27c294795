//! Prints the three-way merge of two descendants of one draft: what each side
//! changed, what both changed alike, and the conflicts, subject by subject and
//! clause by clause.
//!
//! ```text
//! cargo run --example merge              # the November 2025 texts over the 28-point draft
//! cargo run --example merge -- base.json ours.json theirs.json --format json   # schema peacediff/merge/2
//! cargo run --example merge -- --resolve theirs --format json                  # the merged plan, conflicts resolved
//! ```

use std::process::ExitCode;

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("merge")
}
