//! Sets peace plans against the parties' stated positions: per subject, whose
//! stated position each plan matches, differs from, or leaves open.
//!
//! ```text
//! cargo run --example positions                                   # the bundled plans, default stated positions
//! cargo run --example positions -- witkoff-2025-04 european-ukrainian-2025-04
//! cargo run --example positions -- us-28-point-2025-11 --stated russia=putin-conditions-2024-06 --format markdown
//! ```

use std::process::ExitCode;

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("positions")
}
