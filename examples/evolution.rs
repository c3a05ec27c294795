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

use clap::Parser;
use peacediff::render::{Format, Render};
use peacediff::{Subject, evolution};

mod support;

/// Follow one subject through peace plans, by date.
#[derive(Parser)]
#[command(about, long_about = None)]
struct Args {
    /// The subject, written topic/slug (see the subject table in the crate docs).
    #[arg(value_parser = parse_subject)]
    subject: Subject,
    /// Bundled plan ids or aliases, or plan JSON files [default: every bundled plan].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format. json follows the schema peacediff/evolution/1.
    #[arg(long, value_parser = support::parse_format, default_value = "terminal")]
    format: Format,
    #[command(flatten)]
    output: support::Output,
}

fn parse_subject(text: &str) -> Result<Subject, String> {
    Subject::parse(text).ok_or_else(|| {
        format!("unknown subject `{text}` (expected topic/slug, such as military/armed-forces-cap)")
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plans = match support::plans(&args.plans) {
        Ok(plans) => plans,
        Err(err) => return support::fail(support::chain(&err)),
    };
    let plans: Vec<&peacediff::Plan> = plans.iter().collect();
    let history = evolution(&args.subject, &plans);
    args.output.emit(|options| history.render(args.format, options))
}
