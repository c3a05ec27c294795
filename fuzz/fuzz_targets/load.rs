//! Any bytes: loading gives a typed error or a valid plan that survives its JSON form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacediff::{Plan, laws};

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = Plan::from_reader(data) {
        assert!(plan.validate().is_ok());
        laws::json_roundtrip(&plan).unwrap();
    }
});
