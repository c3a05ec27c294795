//! `peacediff evolution`: one subject through plans, by date.

use std::process::ExitCode;

use peacediff::render::Render;
use peacediff::{Subject, Topic, evolution, known_subjects};

use super::input;
use super::output::{Format, Output};

/// Follow one subject through peace plans, by date.
///
/// For each plan, its position on the subject, how it changed against the last
/// plan known on it, where the reports disagree, and the sources behind each.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// The subject, written topic/slug, such as military/armed-forces-cap (see
    /// the subject table in the crate docs).
    #[arg(value_parser = parse_subject)]
    subject: Subject,
    /// Bundled plan ids or aliases, plan or plan-list files, or - for standard
    /// input [default: the bundled plans].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format; json follows the schema peacediff/evolution/2.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    #[command(flatten)]
    output: Output,
}

fn parse_subject(text: &str) -> Result<Subject, String> {
    if let Some(subject) = Subject::parse(text) {
        return Ok(subject);
    }
    let topic = text
        .split_once('/')
        .and_then(|(topic, _)| Topic::from_name(topic));
    Err(match topic {
        Some(topic) => {
            let slugs: Vec<String> = known_subjects()
                .filter(|(subject, _)| subject.topic() == topic)
                .map(|(subject, _)| subject.slug().to_owned())
                .collect();
            format!(
                "unknown subject of {topic}; expected {topic}/ followed by one of {}",
                slugs.join(", ")
            )
        }
        None => {
            let topics: Vec<&str> = Topic::ALL.iter().map(|t| t.as_str()).collect();
            format!("expected topic/slug with a topic among {}", topics.join(", "))
        }
    })
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    let plans = input::plans(&args.plans)?;
    let plans: Vec<&peacediff::Plan> = plans.iter().collect();
    let history = evolution(&args.subject, &plans);
    args.output
        .emit(|out, options| history.write_to(out, args.format.into(), options))?;
    Ok(ExitCode::SUCCESS)
}
