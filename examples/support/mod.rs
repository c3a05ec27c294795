//! What the example programs share: loading plans from arguments and printing
//! like a command-line tool (one error line and exit status 2 on failure).

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

use peacediff::{Error, Plan, corpus};

/// The plans named by `ID_OR_FILE` arguments, or every bundled plan when there are none.
pub fn plans(names: &[String]) -> Result<Vec<Plan>, Error> {
    if names.is_empty() {
        return Ok(corpus::all().to_vec());
    }
    names.iter().map(|name| corpus::load(name)).collect()
}

/// Writes `output` to standard output; a closed pipe (`| head`) is not an error.
pub fn print(output: impl Display) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match write!(stdout, "{output}").and_then(|()| stdout.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => fail(err),
        _ => ExitCode::SUCCESS,
    }
}

/// Prints one error line to standard error and returns exit status 2.
pub fn fail(err: impl Display) -> ExitCode {
    eprintln!("error: {err}");
    ExitCode::from(2)
}
