//! Lists plans and their clauses: number, subjects and paraphrase.
//!
//! ```text
//! cargo run --example plans                          # every bundled plan
//! cargo run --example plans -- us-28-point-2025-11   # one plan, by id or alias
//! cargo run --example plans -- my-plan.json          # a plan file
//! cargo run --example plans -- --format json         # the crate's JSON form
//! ```

use std::process::ExitCode;

mod support;

use clap::{Parser, ValueEnum};
use peacediff::render::{Format as RenderFormat, Render};

/// List peace plans and their clauses.
#[derive(Parser)]
#[command(about, long_about = None)]
struct Args {
    /// Bundled plan ids or aliases, or paths of plan JSON files [default: every bundled plan].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// Output format: readable text for the terminal, or a JSON array of plans that `Plan::from_json` loads back.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    #[command(flatten)]
    output: support::Output,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Terminal,
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plans = match support::plans(&args.plans) {
        Ok(plans) => plans,
        Err(err) => return support::fail(support::chain(&err)),
    };
    args.output.emit(|options| match args.format {
        // Serialising plans cannot fail: every map key is a string.
        Format::Json => serde_json::to_string_pretty(&plans).unwrap_or_default() + "\n",
        Format::Terminal => {
            let mut text = String::new();
            for (index, plan) in plans.iter().enumerate() {
                if index > 0 {
                    text.push('\n');
                }
                text.push_str(&plan.render(RenderFormat::Terminal, options));
            }
            text
        }
    })
}
