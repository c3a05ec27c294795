//! The `peacediff` command: compare, diff and merge peace plans from the shell.
//!
//! ```text
//! cargo install --path . --features cli
//! peacediff compare --topic nato
//! peacediff diff witkoff-2025-04 us-28-point-2025-11
//! ```

#![forbid(unsafe_code)]

use std::process::ExitCode;

mod commands;

fn main() -> ExitCode {
    commands::main()
}
