//! Any text as a share link: decoding never panics, the result always computes, and writing it back gives a
//! link that reads back to the same scenario with no problems.
#![no_main]

use deal_calculator::model::{link, Outcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let decoded = link::decode(query);
    assert!(Outcome::compute(&decoded.scenario).is_ok());
    let again = link::decode(&link::encode(&decoded.scenario));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.scenario, decoded.scenario);
});
