//! Imports a plan from a numbered text document, for review.
//!
//! ```text
//! cargo run --example import -- my-draft.txt > my-draft.json
//! cargo run --example import -- my-draft.md --lexicon my-words.lexicon
//! ```

use std::process::ExitCode;

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("import")
}
