//! Reading the plans that arguments name: bundled ids and aliases, plan files,
//! plan-list files, and `-` for standard input.

use std::io;
use std::process::ExitCode;

use peacediff::{Plan, corpus};

use super::output::{chain, fail};

/// Every plan the `ID_OR_FILE` arguments name, in order (a plan-list file gives
/// all of its plans), or every bundled plan when there are none.
pub fn plans(names: &[String]) -> Result<Vec<Plan>, ExitCode> {
    if names.is_empty() {
        return Ok(corpus::all().to_vec());
    }
    if names.iter().filter(|name| *name == "-").count() > 1 {
        return Err(fail("standard input (`-`) can be read only once"));
    }
    let mut plans = Vec::new();
    for name in names {
        let loaded = if name == "-" {
            peacediff::import::plans_from_reader(io::stdin().lock(), "stdin")
                .map_err(|err| format!("standard input: {}", chain(&err)))
        } else {
            corpus::load_list(name).map_err(|err| chain(&err))
        };
        plans.extend(loaded.map_err(fail)?);
    }
    Ok(plans)
}

/// The one plan each argument names; a plan-list file must hold exactly one.
pub fn each<const N: usize>(names: [&str; N]) -> Result<[Plan; N], ExitCode> {
    let owned: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
    if owned.iter().filter(|name| *name == "-").count() > 1 {
        return Err(fail("standard input (`-`) can be read only once"));
    }
    let mut plans = Vec::new();
    for name in &owned {
        let list = self::plans(std::slice::from_ref(name))?;
        let count = list.len();
        match <[Plan; 1]>::try_from(list) {
            Ok([plan]) => plans.push(plan),
            Err(_) => {
                return Err(fail(format_args!(
                    "{} holds {count} plans where one is expected",
                    shown(name)
                )));
            }
        }
    }
    plans
        .try_into()
        .map_err(|_| fail("expected one plan per argument"))
}

/// An argument as an error line shows it.
fn shown(name: &str) -> String {
    if name == "-" {
        "standard input".to_owned()
    } else {
        format!("`{}`", name.escape_debug())
    }
}
