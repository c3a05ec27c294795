//! `peacediff merge`: two descendants of a plan over their common base.

use std::process::ExitCode;

use clap::ValueEnum;
use peacediff::render::Render;
use peacediff::{Side, merge};

use super::input;
use super::output::{Format, Output, chain, fail};

/// Merge two descendants of a plan over their common base.
///
/// With no plans given, merges the Geneva revision (ours) and the E3 amended
/// text (theirs) over the US 28-point draft (base). Shows what each side
/// changed, what both changed alike, and the conflicts, subject by subject and
/// clause by clause. A partial plan silent on a subject counts as unchanged there.
///
/// Exit status: 0, or with --exit-code 1 when conflicts remain; 2 on trouble.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// The common base: a bundled id or alias, a plan file, or - for standard input.
    #[arg(requires_all = ["ours", "theirs"])]
    base: Option<String>,
    /// The first descendant, named the same ways.
    ours: Option<String>,
    /// The second descendant, named the same ways.
    theirs: Option<String>,
    /// Output format; json follows the schema peacediff/merge/2, or with
    /// --resolve is the merged plan's JSON.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Print the merged plan, every conflict resolved to this side.
    #[arg(long, value_enum)]
    resolve: Option<Resolve>,
    /// Exit with status 1 when the merge has conflicts (none are left with --resolve).
    #[arg(long)]
    exit_code: bool,
    #[command(flatten)]
    output: Output,
}

/// The side whose version wins every conflict.
#[derive(Clone, Copy, ValueEnum)]
enum Resolve {
    /// The first descendant.
    Ours,
    /// The second descendant.
    Theirs,
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    let names = match (&args.base, &args.ours, &args.theirs) {
        (Some(base), Some(ours), Some(theirs)) => [base.as_str(), ours.as_str(), theirs.as_str()],
        _ => [
            "us-28-point-2025-11",
            "geneva-revision-2025-11",
            "e3-counter-2025-11",
        ],
    };
    let [base, ours, theirs] = input::each(names)?;
    let merged = merge(&base, &ours, &theirs);
    let format = args.format.into();
    match args.resolve {
        Some(side) => {
            let side = match side {
                Resolve::Ours => Side::Ours,
                Resolve::Theirs => Side::Theirs,
            };
            let plan = merged.resolve(side).map_err(|err| fail(chain(&err)))?;
            args.output
                .emit(|out, options| plan.write_to(out, format, options))?;
        }
        None => args
            .output
            .emit(|out, options| merged.write_to(out, format, options))?,
    }
    let conflicted = args.exit_code && args.resolve.is_none() && merged.conflicts().next().is_some();
    Ok(ExitCode::from(u8::from(conflicted)))
}
