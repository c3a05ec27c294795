//! `peacediff diff`: what one plan changes against another.

use std::process::ExitCode;

use peacediff::diff;
use peacediff::render::Render;

use super::input;
use super::output::{Format, Output};

/// Diff two peace plans.
///
/// Clause changes use the vocabulary of legal change tracking: substituted,
/// inserted, repealed, split, joined, regrouped, moved, renumbered. Under each,
/// the provisions it changes, with every changed field (cap: 600,000 → 800,000).
/// Where a partial plan is silent, the change is unknown, not a deletion.
///
/// Exit status: 0 when the plans are the same, 1 when they differ, 2 on trouble.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// The old plan: a bundled id or alias, a plan file, or - for standard input.
    #[arg(value_name = "OLD")]
    old: String,
    /// The new plan, named the same ways.
    #[arg(value_name = "NEW")]
    new: String,
    /// Output format; json follows the schema peacediff/diff/2.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Print nothing; only the exit status says whether the plans differ.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    output: Output,
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    let [old, new] = input::each([args.old.as_str(), args.new.as_str()])?;
    let changes = diff(&old, &new);
    if !args.quiet {
        args.output
            .emit(|out, options| changes.write_to(out, args.format.into(), options))?;
    }
    Ok(ExitCode::from(u8::from(!changes.is_empty())))
}
