//! Any plan that loads, against every bundled plan: diffs apply and invert,
//! comparisons do not depend on order, merges are symmetric and resolve to valid plans,
//! and every format renders without a control or invisible character from the data.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacediff::{Plan, corpus, laws};

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = Plan::from_reader(data) else {
        return;
    };
    let bundled = corpus::all();
    for other in bundled.iter().filter(|other| other.id != plan.id) {
        laws::diff_roundtrip(other, &plan).unwrap();
        laws::compare_order(&[other, &plan]).unwrap();
    }
    let [april, draft, e3] =
        ["witkoff-2025-04", "us-28-point-2025-11", "e3-counter-2025-11"].map(corpus::get);
    if let (Some(april), Some(draft), Some(e3)) = (april, draft, e3) {
        laws::merge_symmetry(draft, &plan, e3).unwrap();
        laws::merge_symmetry(&plan, april, e3).unwrap();
        laws::merge_identity(draft, &plan).unwrap();
        laws::render_total(&plan, april).unwrap();
    }
});
