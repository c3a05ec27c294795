//! Prints one subject's history through plans in date order: each plan's
//! position, how it changed against the last plan known on the subject, and where
//! sources disagree.
//!
//! ```text
//! cargo run --example evolution -- military/armed-forces-cap          # through every bundled plan
//! cargo run --example evolution -- territory/crimea witkoff-2025-04 us-28-point-2025-11
//! cargo run --example evolution -- nato/ukraine-membership --format markdown
//! ```

use std::process::ExitCode;

#[path = "../cli/commands/mod.rs"]
mod commands;

fn main() -> ExitCode {
    commands::alone("evolution")
}
