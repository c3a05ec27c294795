//! Any bytes: loading gives a typed error on one bounded line without control or
//! invisible characters, or a valid plan that survives its JSON form and renders
//! safely in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacediff::{Plan, laws};

fuzz_target!(|data: &[u8]| {
    match Plan::from_reader(data) {
        Ok(plan) => {
            assert!(plan.validate().is_ok());
            laws::json_roundtrip(&plan).unwrap();
            laws::render_total(&plan, &plan).unwrap();
        }
        Err(err) => {
            let mut line = err.to_string();
            let mut cause = std::error::Error::source(&err);
            while let Some(inner) = cause {
                line = format!("{line}: {inner}");
                cause = inner.source();
            }
            assert!(line.chars().count() <= 2_000, "{} characters", line.chars().count());
            assert!(!line.chars().any(|c| c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')), "{line:?}");
        }
    }
});
