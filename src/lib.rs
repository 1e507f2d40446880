//! deal-calculator: the Amazon–OpenAI partnership as numbers a reader can change.
//!
//! Three zones, each in its own place:
//! - [`model`]: the deal, its units, schedules, metrics and the share-link codec. Pure Rust, tested natively.
//! - [`plot`] and [`display`]: chart math and display options, also pure.
//! - `view` (Yew components) and `browser` (the one module that touches `window`), built only for wasm.

pub mod display;
pub mod model;
pub mod plot;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod view;
