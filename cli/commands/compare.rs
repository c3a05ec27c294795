//! `peacediff compare`: plans subject by subject.

use std::process::ExitCode;

use peacediff::render::Render;
use peacediff::{RowStatus, Topic, compare};

use super::input;
use super::output::{Format, Output, chain, fail};

/// Compare peace plans subject by subject.
///
/// Each row is one subject (such as territory/crimea); each plan's cell shows the
/// clauses that speak of it, the position they take, and where that position is
/// reported. Plans marked with the same letter agree on the subject. A matrix of
/// agreement between plans follows, over the subjects shown.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// Bundled plan ids or aliases, plan or plan-list files, or - for standard
    /// input (two plans or more) [default: the bundled plans].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format; json follows the schema peacediff/comparison/2.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Show only subjects of this topic.
    #[arg(long, value_parser = parse_topic)]
    topic: Option<Topic>,
    /// Show only subjects with this status.
    #[arg(long, value_parser = parse_status)]
    status: Option<RowStatus>,
    #[command(flatten)]
    output: Output,
}

fn parse_topic(name: &str) -> Result<Topic, String> {
    Topic::from_name(name)
        .ok_or_else(|| format!("expected one of {}", names(Topic::ALL.iter().map(|t| t.as_str()))))
}

fn parse_status(name: &str) -> Result<RowStatus, String> {
    RowStatus::from_name(name).ok_or_else(|| {
        format!(
            "expected one of {}",
            names(RowStatus::ALL.iter().map(|s| s.as_str()))
        )
    })
}

fn names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    let plans = input::plans(&args.plans)?;
    if plans.len() < 2 {
        return Err(fail(
            "give two or more plans to compare, or none for the bundled plans",
        ));
    }
    let mut comparison = compare(&plans.iter().collect::<Vec<_>>()).map_err(|err| fail(chain(&err)))?;
    comparison.retain(|row| {
        args.topic.is_none_or(|topic| row.topic == topic)
            && args.status.is_none_or(|status| row.status == status)
    });
    args.output
        .emit(|out, options| comparison.write_to(out, args.format.into(), options))?;
    Ok(ExitCode::SUCCESS)
}
