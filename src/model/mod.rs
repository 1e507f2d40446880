//! The deal model: pure Rust, no web types, so `cargo test` checks it natively.
//!
//! A reader's text becomes bounded values in [`parse`]; those make a [`scenario::Scenario`]; the scenario yields
//! a monthly [`schedule::Schedule`] and the headline [`metrics::Metrics`]; [`link`] writes the scenario into a
//! share link and reads it back; [`format`] turns exact values into the short text the page shows.

// The model takes values from anyone who can write a link: it must not panic, whatever they write.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unreachable,
        clippy::todo
    )
)]

pub mod arith;
pub mod edit;
pub mod format;
pub mod link;
pub mod metrics;
pub mod parse;
pub mod scenario;
pub mod schedule;
pub mod units;

use std::fmt;

use metrics::Metrics;
use scenario::Scenario;
use schedule::Schedule;

/// Why a scenario could not be computed. Parsed inputs are bounded so that neither happens; the variants exist
/// so that a scenario built some other way fails as a value, not a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComputeError {
    /// No tranche and no agreement: there is no timeline.
    Empty,
    /// A figure left the range of a Decimal.
    Overflow,
}

impl fmt::Display for ComputeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComputeError::Empty => {
                f.write_str("the scenario needs at least one tranche or agreement")
            }
            ComputeError::Overflow => f.write_str("a figure is too large to compute"),
        }
    }
}

impl std::error::Error for ComputeError {}

/// Everything the page shows, computed from one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub schedule: Schedule,
    pub metrics: Metrics,
}

impl Outcome {
    /// Computes the schedule and the metrics.
    ///
    /// ```
    /// use deal_calculator::model::{metrics::MetricKey, scenario::Scenario, Outcome};
    /// use rust_decimal::Decimal;
    /// let outcome = Outcome::compute(&Scenario::reported()).unwrap();
    /// assert_eq!(outcome.metrics.get(MetricKey::InvestmentTotal), Some(Decimal::new(50_000_000_000, 0)));
    /// ```
    ///
    /// # Errors
    /// See [`ComputeError`].
    pub fn compute(scenario: &Scenario) -> Result<Outcome, ComputeError> {
        let schedule = Schedule::build(scenario)?;
        let metrics = Metrics::compute(scenario, &schedule)?;
        Ok(Outcome { schedule, metrics })
    }

    /// Nothing computed: no months, every metric undefined. What a page shows when computing failed.
    pub fn empty() -> Outcome {
        Outcome {
            schedule: Schedule {
                months: Vec::new(),
                payments: Vec::new(),
            },
            metrics: Metrics::undefined(),
        }
    }
}
