//! `peacediff import`: a text document read into a plan for review.

use std::path::PathBuf;
use std::process::ExitCode;

use peacediff::import::{Lexicon, TextImport};
use peacediff::render::Render;
use peacediff::{Completeness, Date};

use super::output::{Format, Output, chain, fail};

/// Import a plan from a text document (plain text or Markdown).
///
/// Numbered points become clauses in the document's own words; a lexicon
/// proposes their subjects and typed values. The plan is written as plan JSON,
/// each proposal marked for review; a review list (number, subjects, matched
/// words) goes to standard error. Correct the JSON and load it back with any
/// command. A .txt or .md file given to any other command is imported the same
/// way, on the fly.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// The text file, or - for standard input.
    #[arg(value_name = "FILE")]
    file: String,
    /// A lexicon file of your own, added to the built-in one (see the import module docs).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// The plan's id [default: the front matter's, or the file name].
    #[arg(long)]
    id: Option<String>,
    /// The plan's title [default: the front matter's, or the first heading].
    #[arg(long)]
    title: Option<String>,
    /// The plan's date, YYYY-MM-DD [default: the front matter's, or today].
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// Who published the text.
    #[arg(long, requires = "url")]
    outlet: Option<String>,
    /// Where the text was published.
    #[arg(long, requires = "outlet")]
    url: Option<String>,
    /// The text is only part of the plan.
    #[arg(long)]
    partial: bool,
    /// Output format; json is the plan's JSON form, which every command loads.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Print no review list.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    output: Output,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse().map_err(|err: peacediff::ParseError| err.to_string())
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    let text = if args.file == "-" {
        std::io::read_to_string(std::io::stdin().lock())
            .map_err(|err| fail(format_args!("standard input: {err}")))?
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|err| fail(format_args!("{}: {err}", args.file.escape_debug())))?
    };
    let mut import = TextImport::new();
    if let Some(path) = &args.lexicon {
        let shown = path.to_string_lossy().escape_debug().to_string();
        let own = std::fs::read_to_string(path).map_err(|err| fail(format_args!("{shown}: {err}")))?;
        let own = Lexicon::parse(&own).map_err(|err| fail(format_args!("{shown}: {}", chain(&err))))?;
        import = import.with_lexicon(Lexicon::built_in().extended(own));
    }
    let default_id = std::path::Path::new(&args.file)
        .file_stem()
        .map(|s| {
            s.to_string_lossy()
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        })
        .filter(|s| args.file != "-" && !s.trim_matches('-').is_empty());
    if let Some(id) = args
        .id
        .clone()
        .or(default_id)
        .filter(|_| args.id.is_some() || !has_front_id(&text))
    {
        import = import.with_id(id);
    }
    if let Some(title) = &args.title {
        import = import.with_title(title.clone());
    }
    if let Some(date) = args.date {
        import = import.with_date(date);
    }
    if let (Some(outlet), Some(url)) = (&args.outlet, &args.url) {
        import = import.with_source(outlet.clone(), url.clone());
    }
    if args.partial {
        import = import.with_completeness(Completeness::Partial);
    }
    let plan = import.plan(&text).map_err(|err| fail(chain(&err)))?;
    if !args.quiet {
        for line in peacediff::import::review(&plan) {
            eprintln!("{line}");
        }
    }
    args.output
        .emit(|out, options| plan.write_to(out, args.format.into(), options))?;
    Ok(ExitCode::SUCCESS)
}

/// Whether the text's front matter names the plan.
fn has_front_id(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    lines.next().is_some_and(|l| l.trim() == "---")
        && lines.take_while(|l| l.trim() != "---").any(|l| {
            l.split_once(':')
                .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case("id"))
        })
}
