//! Writing results like a command-line tool: colour and width by the usual
//! conventions, a file or standard output, and one error line with exit status 2
//! on failure.

use std::fmt::Display;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{AutoStream, ColorChoice};
use clap::{Args, ValueEnum};
use peacediff::render::{self, Options};

/// An output format.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text fitted to the width, coloured in a terminal.
    Terminal,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// JSON with a `schema` field.
    Json,
    /// One self-contained HTML page.
    Html,
}

impl From<Format> for render::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Terminal => render::Format::Terminal,
            Format::Markdown => render::Format::Markdown,
            Format::Json => render::Format::Json,
            Format::Html => render::Format::Html,
        }
    }
}

/// When to colour the terminal format.
#[derive(Clone, Copy, ValueEnum)]
pub enum When {
    /// When writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

/// Output options shared by the examples.
#[derive(Args)]
pub struct Output {
    /// Colour for the terminal format.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    pub color: When,
    /// Width in columns for the terminal format [default: the terminal's, or $COLUMNS, or 100].
    #[arg(long)]
    pub width: Option<usize>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Output {
    /// Writes with the options this output calls for; a failure to write is one
    /// error line and exit status 2.
    pub fn emit(
        &self,
        write: impl FnOnce(&mut dyn Write, &Options) -> io::Result<()>,
    ) -> Result<(), ExitCode> {
        let choice = match self.color {
            When::Auto => ColorChoice::Auto,
            When::Always => ColorChoice::Always,
            When::Never => ColorChoice::Never,
        };
        let result = match &self.output {
            Some(path) => {
                // A file is never a terminal: colour only when asked for.
                let options = self.options(matches!(self.color, When::Always));
                File::create(path).and_then(|file| {
                    let mut file = io::BufWriter::new(file);
                    write(&mut file, &options)?;
                    file.flush()
                })
            }
            None if stdout_was_closed() => Err(io::Error::other("it was closed when the program started")),
            None => {
                let mut stdout = AutoStream::new(io::stdout().lock(), choice);
                let color = match self.color {
                    When::Always => true,
                    When::Never => false,
                    // NO_COLOR, CLICOLOR_FORCE and whether stdout is a terminal.
                    When::Auto => AutoStream::choice(&io::stdout()) != ColorChoice::Never,
                };
                let options = self.options(color);
                // Batched: standard output alone flushes at every line.
                let mut batched = io::BufWriter::new(&mut stdout);
                write(&mut batched, &options).and_then(|()| batched.flush())
            }
        };
        match result {
            // A reader that stops early (`| head`) is not an error; anything else is.
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe && self.output.is_none() => Ok(()),
            Err(err) => Err(match &self.output {
                Some(path) => fail(format_args!(
                    "cannot write {}: {err}",
                    path.to_string_lossy().escape_debug()
                )),
                None => fail(format_args!("cannot write to standard output: {err}")),
            }),
            Ok(()) => Ok(()),
        }
    }

    fn options(&self, color: bool) -> Options {
        let width = self.width.unwrap_or_else(|| {
            let stdout = io::stdout();
            let from_terminal = stdout
                .is_terminal()
                .then(|| terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0)))
                .flatten();
            from_terminal
                .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
                .unwrap_or(100)
        });
        Options::width(width.max(20)).with_color(color)
    }
}

/// Whether standard output was closed when the program started. Rust's runtime
/// then opens /dev/null in its place, read-write, where a shell's `>/dev/null`
/// opens it write-only; Linux shows both in /proc. Elsewhere this is not known.
fn stdout_was_closed() -> bool {
    let target = std::fs::read_link("/proc/self/fd/1");
    let flags = std::fs::read_to_string("/proc/self/fdinfo/1");
    let read_write = flags.ok().and_then(|info| {
        let octal = info
            .lines()
            .find_map(|l| l.strip_prefix("flags:"))?
            .trim()
            .to_owned();
        u32::from_str_radix(&octal, 8)
            .ok()
            .map(|flags| flags & 0o3 == 0o2)
    });
    target.is_ok_and(|t| t == std::path::Path::new("/dev/null")) && read_write == Some(true)
}

/// Prints one error line to standard error and returns exit status 2.
pub fn fail(err: impl Display) -> ExitCode {
    eprintln!("error: {err}");
    ExitCode::from(2)
}

/// An error with its causes, joined as one line: `plan `x`, at `title`: must not be empty`.
pub fn chain(err: &dyn std::error::Error) -> String {
    let mut line = err.to_string();
    let mut cause = err.source();
    while let Some(err) = cause {
        line.push_str(": ");
        line.push_str(&err.to_string());
        cause = err.source();
    }
    line
}
