//! Any text typed into an amount field: parsing never panics, an accepted amount lies within $0–$10T, and its
//! token (what fields and links write) parses back to the same amount.
#![no_main]

use deal_calculator::model::format::money_token;
use deal_calculator::model::parse::{parse_money, Scale, MAX_AMOUNT};
use deal_calculator::model::units::Money;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(amount) = parse_money(text, Scale::Billions) {
        assert!(amount >= Money::ZERO && amount <= MAX_AMOUNT, "{text:?} gave {amount:?}");
        assert_eq!(parse_money(&money_token(amount), Scale::Billions), Ok(amount), "{text:?}");
    }
    let _ = parse_money(text, Scale::Dollars);
});
