//! `peacediff plans`: plans and their clauses.

use std::process::ExitCode;

use peacediff::render::Render;

use super::input;
use super::output::{Format, Output};

/// List peace plans and their clauses: number, subjects, paraphrase and sources.
///
/// With --format json, several plans are written as a JSON array, which every
/// command reads back as a plan-list file.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// Bundled plan ids or aliases, plan or plan-list files, or - for standard
    /// input [default: the bundled plans].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format; json is the crate's plan form (an array for several plans).
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    #[command(flatten)]
    output: Output,
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    let plans = input::plans(&args.plans)?;
    args.output
        .emit(|out, options| plans.as_slice().write_to(out, args.format.into(), options))?;
    Ok(ExitCode::SUCCESS)
}
