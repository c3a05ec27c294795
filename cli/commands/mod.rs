//! The subcommands of `peacediff`. The binary runs them all; each example program
//! runs one as a program of its own (`cargo run --example diff -- a b` is
//! `peacediff diff a b`), so both share this code.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod compare;
mod diff;
mod evolution;
mod import;
mod input;
mod merge;
mod output;
mod plans;
mod positions;

/// Peace plans as typed data, compared clause by clause.
///
/// Plans are named by a bundled id or alias (see `peacediff plans`), a plan
/// JSON file, a file holding a JSON array of plans (as `peacediff plans
/// --format json` writes), a text document (imported on the fly, see
/// `peacediff import`), or `-` for standard input.
#[derive(Parser)]
#[command(name = "peacediff", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Compare(compare::Args),
    Diff(diff::Args),
    Merge(merge::Args),
    Evolution(evolution::Args),
    Positions(positions::Args),
    Plans(plans::Args),
    Import(import::Args),
}

/// Runs the subcommand the arguments name.
// The binary's entry point; the examples use `alone`.
#[allow(dead_code)]
pub fn main() -> ExitCode {
    run(Cli::parse())
}

/// Runs subcommand `name` with this program's arguments.
// Each example program runs one subcommand; the binary runs none this way.
#[allow(dead_code)]
pub fn alone(name: &str) -> ExitCode {
    let args = [OsString::from("peacediff"), OsString::from(name)]
        .into_iter()
        .chain(std::env::args_os().skip(1));
    run(Cli::parse_from(args))
}

fn run(cli: Cli) -> ExitCode {
    let status = match cli.command {
        Command::Compare(args) => compare::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Evolution(args) => evolution::run(args),
        Command::Positions(args) => positions::run(args),
        Command::Plans(args) => plans::run(args),
        Command::Import(args) => import::run(args),
    };
    status.unwrap_or_else(|failed| failed)
}
