//! Any text: importing gives a typed error on one line, or a valid plan that
//! survives its JSON form, renders safely and diffs with the bundled draft.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacediff::import::TextImport;
use peacediff::{corpus, laws};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match TextImport::new().with_date("2025-01-01".parse().unwrap()).plan(text) {
        Ok(plan) => {
            assert!(plan.validate().is_ok());
            laws::json_roundtrip(&plan).unwrap();
            laws::render_total(&plan, &plan).unwrap();
            laws::diff_apply(corpus::get("us-28-point-2025-11").unwrap(), &plan).unwrap();
        }
        Err(err) => assert_eq!(err.to_string().lines().count(), 1, "{err}"),
    }
});
