//! The bundled plans, embedded in the crate and loaded by the same validating
//! loader as user files.
//!
//! | id | plan |
//! |---|---|
//! | `minsk-ii-2015-02` | Minsk II, the Package of Measures for the Implementation of the Minsk Agreements, 12 February 2015 (partial) |
//! | `istanbul-communique-2022-03` | Istanbul communiqué: Ukraine's proposals for a treaty on security guarantees, 29 March 2022 (partial) |
//! | `istanbul-draft-2022-04` | Draft treaty on Ukraine's permanent neutrality and security guarantees, 15 April 2022, with the Russian and Ukrainian positions apart (partial) |
//! | `peace-formula-2022-11` | Zelensky's ten-point Peace Formula, presented to the G20 on 15 November 2022 |
//! | `china-position-2023-02` | China's twelve-point position paper on a political settlement, 24 February 2023 |
//! | `putin-conditions-2024-06` | Putin's conditions for a ceasefire and a settlement, speech of 14 June 2024 (partial) |
//! | `witkoff-2025-04` | US framework ("final offer") handed over in Paris, April 2025 |
//! | `european-ukrainian-2025-04` | European–Ukrainian counter-proposal, London, 23 April 2025 (alias "Kiloj Plan") |
//! | `ukraine-memorandum-2025-06` | Ukraine's memorandum, "Ukraine–Russia Negotiations Framework", published 1 June 2025 (partial) |
//! | `russia-memorandum-2025-06` | Russia's memorandum handed over in Istanbul, 2 June 2025 (partial) |
//! | `us-28-point-2025-11` | US 28-point draft, November 2025, with every sub-item |
//! | `geneva-revision-2025-11` | US–Ukraine Geneva revision ("19 points"), 23 November 2025: only its reported changes (partial) |
//! | `e3-counter-2025-11` | UK/France/Germany amended 28-point text, 23 November 2025, US numbering kept (partial: several points not retrieved) |
//! | `ukraine-20-point-2025-12` | Ukraine's 20-point framework, presented 23 December 2025 |
//!
//! ```
//! let ids: Vec<&str> = peacediff::corpus::all().iter().map(|p| p.id.as_str()).collect();
//! assert_eq!(
//!     ids,
//!     [
//!         "minsk-ii-2015-02",
//!         "istanbul-communique-2022-03",
//!         "istanbul-draft-2022-04",
//!         "peace-formula-2022-11",
//!         "china-position-2023-02",
//!         "putin-conditions-2024-06",
//!         "witkoff-2025-04",
//!         "european-ukrainian-2025-04",
//!         "ukraine-memorandum-2025-06",
//!         "russia-memorandum-2025-06",
//!         "us-28-point-2025-11",
//!         "geneva-revision-2025-11",
//!         "e3-counter-2025-11",
//!         "ukraine-20-point-2025-12",
//!     ]
//! );
//! assert_eq!(peacediff::corpus::get("Kiloj Plan").unwrap().id, "european-ukrainian-2025-04");
//! ```

use std::sync::LazyLock;

use std::path::Path;

use crate::{Error, Plan};

/// The JSON text of every bundled plan, in date order.
pub const JSON: [&str; 14] = [
    include_str!("minsk-ii-2015-02.json"),
    include_str!("istanbul-communique-2022-03.json"),
    include_str!("istanbul-draft-2022-04.json"),
    include_str!("peace-formula-2022-11.json"),
    include_str!("china-position-2023-02.json"),
    include_str!("putin-conditions-2024-06.json"),
    include_str!("witkoff-2025-04.json"),
    include_str!("european-ukrainian-2025-04.json"),
    include_str!("ukraine-memorandum-2025-06.json"),
    include_str!("russia-memorandum-2025-06.json"),
    include_str!("us-28-point-2025-11.json"),
    include_str!("geneva-revision-2025-11.json"),
    include_str!("e3-counter-2025-11.json"),
    include_str!("ukraine-20-point-2025-12.json"),
];

// The bundled files are validated by the crate's tests (tests/corpus.rs); failing
// here is a packaging bug, not bad input, so it may panic.
#[allow(clippy::panic)]
static PLANS: LazyLock<Vec<Plan>> = LazyLock::new(|| {
    JSON.iter()
        .map(|json| Plan::from_json(json).unwrap_or_else(|err| panic!("bundled plan is invalid: {err}")))
        .collect()
});

/// Every bundled plan, in date order.
pub fn all() -> &'static [Plan] {
    &PLANS
}

/// The bundled plan with this id or alias (case-insensitive).
pub fn get(name: &str) -> Option<&'static Plan> {
    all().iter().find(|plan| plan.is_named(name))
}

/// A bundled plan by id or alias, or else a plan file at that path: plan JSON, or
/// a text document (anything that does not start with `{` or `[`), imported on
/// the fly with [`import`](crate::import).
///
/// This is what command-line tools want for an `ID_OR_FILE` argument.
///
/// ```
/// let plan = peacediff::corpus::load("witkoff-2025-04").unwrap();
/// assert_eq!(plan.clauses().len(), 18);
/// let err = peacediff::corpus::load("no-such-plan").unwrap_err();
/// assert!(err.to_string().starts_with("`no-such-plan` is neither a bundled plan"));
/// ```
pub fn load(name_or_path: &str) -> Result<Plan, Error> {
    if let Some(plan) = get(name_or_path) {
        return Ok(plan.clone());
    }
    let path = existing(name_or_path)?;
    match <[Plan; 1]>::try_from(crate::import::plans_from_path(path)?) {
        Ok([plan]) => Ok(plan),
        // A list of plans: the single-plan loader says what it expected.
        Err(_) => Plan::from_path(path),
    }
}

/// The plans an `ID_OR_FILE` argument names: a bundled plan by id or alias, or
/// the plans of a file holding one plan or a JSON array of plans (see
/// [`Plan::list_from_json`]), or a text document imported on the fly.
///
/// ```
/// let plans = peacediff::corpus::load_list("Kiloj Plan").unwrap();
/// assert_eq!(plans[0].id, "european-ukrainian-2025-04");
/// ```
pub fn load_list(name_or_path: &str) -> Result<Vec<Plan>, Error> {
    match get(name_or_path) {
        Some(plan) => Ok(vec![plan.clone()]),
        None => existing(name_or_path).and_then(crate::import::plans_from_path),
    }
}

/// The path `name`, when a file is there; else the error of an unknown plan.
fn existing(name: &str) -> Result<&Path, Error> {
    let path = Path::new(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(Error::UnknownPlan {
            name: name.to_owned(),
            known: all().iter().map(|plan| plan.id.clone()).collect(),
        })
    }
}
