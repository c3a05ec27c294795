//! placeholder
use crate::{Comparison, PlanDiff};
/// x
pub fn comparison(_c: &Comparison) -> String { String::new() }
/// x
pub fn diff(_c: &PlanDiff) -> String { String::new() }
