//! `peacediff positions`: plans set against the parties' stated positions.

use std::process::ExitCode;

use peacediff::render::Render;
use peacediff::{Party, Plan, Stated, positions};

use super::input;
use super::output::{Format, Output, chain, fail};

/// Set peace plans against the parties' stated positions.
///
/// Per subject a party speaks to, whether each plan matches the party's stated
/// position, differs from it, or leaves it open (leaves the subject out, or its
/// position is not known), with the sources behind every position, and a count
/// per plan and party. By default Russia's positions are its memorandum of June
/// 2025 and Putin's conditions of June 2024, Ukraine's its memorandum of June
/// 2025 and the Peace Formula of November 2022.
#[derive(clap::Args)]
#[command(long_about)]
pub struct Args {
    /// Bundled plan ids or aliases, plan or plan-list files, or - for standard
    /// input [default: the bundled plans that are not stated positions].
    #[arg(value_name = "ID_OR_FILE")]
    plans: Vec<String>,
    /// A party's stated position, written PARTY=ID_OR_FILE (such as
    /// russia=russia-memorandum-2025-06); repeat it for more. Given once, it
    /// replaces the defaults.
    #[arg(long, value_name = "PARTY=ID_OR_FILE", value_parser = parse_stated)]
    stated: Vec<(Party, String)>,
    /// Output format; json follows the schema peacediff/positions/1.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    #[command(flatten)]
    output: Output,
}

fn parse_stated(text: &str) -> Result<(Party, String), String> {
    let parties = || {
        let names: Vec<&str> = Party::ALL.iter().map(|p| p.as_str()).collect();
        names.join(", ")
    };
    let (party, plan) = text
        .split_once('=')
        .ok_or_else(|| format!("expected PARTY=ID_OR_FILE with a party among {}", parties()))?;
    let party =
        Party::from_name(party).ok_or_else(|| format!("unknown party; expected one of {}", parties()))?;
    if plan.is_empty() {
        return Err("expected a plan id or file after `=`".to_owned());
    }
    Ok((party, plan.to_owned()))
}

pub fn run(args: Args) -> Result<ExitCode, ExitCode> {
    // The stated plans, per party in the order first named.
    let named: Vec<(Party, String)> = if args.stated.is_empty() {
        Stated::DEFAULTS
            .iter()
            .flat_map(|(party, ids)| ids.iter().map(|id| (*party, (*id).to_owned())))
            .collect()
    } else {
        args.stated
    };
    let mut stated_plans: Vec<(Party, Vec<Plan>)> = Vec::new();
    for (party, name) in &named {
        let plans = input::plans(std::slice::from_ref(name))?;
        match stated_plans.iter_mut().find(|(p, _)| p == party) {
            Some((_, list)) => list.extend(plans),
            None => stated_plans.push((*party, plans)),
        }
    }
    let is_stated = |plan: &Plan| {
        stated_plans
            .iter()
            .any(|(_, list)| list.iter().any(|p| p.id == plan.id))
    };
    let mut plans = input::plans(&args.plans)?;
    if args.plans.is_empty() {
        plans.retain(|plan| !is_stated(plan));
    }
    let stated: Vec<Stated> = stated_plans
        .iter()
        .map(|(party, list)| Stated {
            party: *party,
            plans: list.iter().collect(),
        })
        .collect();
    let assessed: Vec<&Plan> = plans.iter().collect();
    let report = positions(&assessed, &stated).map_err(|err| fail(chain(&err)))?;
    args.output
        .emit(|out, options| report.write_to(out, args.format.into(), options))?;
    Ok(ExitCode::SUCCESS)
}
