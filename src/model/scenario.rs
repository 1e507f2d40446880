//! The scenario a reader edits: tranches, agreements, compute and context figures, and the discount rate.
//!
//! [`Scenario::reported`] is the deal as reported (see `shared/deal-facts.md`); every default that the report does
//! not give is an assumption, and [`Provenance`] says which is which and where each figure comes from.

use crate::model::arith::Checked;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::units::{
    CostPerGigawatt, Gigawatts, Money, Months, PowerPrice, Pue, Share, Watts, YearMonth,
};

/// At most this many investment tranches.
pub const MAX_TRANCHES: usize = 12;
/// At most this many infrastructure agreements.
pub const MAX_AGREEMENTS: usize = 8;
/// The shortest and longest agreement term.
pub const TERM_BOUNDS: (Months, Months) = (Months::new(1), Months::years(25));
/// The shortest and longest ramp to full capacity.
pub const RAMP_BOUNDS: (Months, Months) = (Months::new(0), Months::years(10));

/// A payment from Amazon to OpenAI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tranche {
    /// Stable across edits, so that rows keep their identity when others are added or removed.
    pub id: u32,
    pub label: String,
    pub amount: Money,
    pub paid: YearMonth,
    pub probability: Share,
    /// A tranche whose payment month falls after this date never pays.
    pub lapses: Option<YearMonth>,
}

impl Tranche {
    /// Whether the payment date is past the lapse date, so the tranche pays nothing.
    pub fn is_lapsed(&self) -> bool {
        self.lapses.is_some_and(|lapse| self.paid > lapse)
    }
}

/// How an agreement's total is spread over its term, year by year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Curve {
    /// The same every year.
    Even,
    /// Rising over the first half of the term, then flat.
    RampUp,
    /// Largest in the first year, falling linearly.
    FrontLoaded,
    /// Smallest in the first year, rising linearly to the last.
    BackLoaded,
    /// One weight per year; years past the last weight repeat it.
    Custom(Vec<Decimal>),
}

impl Curve {
    /// The short names share links and the curve menu use.
    pub fn code(&self) -> &'static str {
        match self {
            Curve::Even => "even",
            Curve::RampUp => "ramp",
            Curve::FrontLoaded => "front",
            Curve::BackLoaded => "back",
            Curve::Custom(_) => "custom",
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Curve::Even => "Even",
            Curve::RampUp => "Ramp-up",
            Curve::FrontLoaded => "Front-loaded",
            Curve::BackLoaded => "Back-loaded",
            Curve::Custom(_) => "Custom weights",
        }
    }
}

/// OpenAI's spending commitment with AWS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: u32,
    pub label: String,
    pub total: Money,
    pub start: YearMonth,
    pub term: Months,
    /// Data-centre capacity the agreement pays for, where the report names one.
    pub capacity: Option<Gigawatts>,
    pub curve: Curve,
}

impl Agreement {
    /// The last month in which the agreement spends; `None` past December 2045.
    pub fn last_month(&self) -> Option<YearMonth> {
        self.start
            .checked_add(Months::new(self.term.count().saturating_sub(1)))
    }
}

/// Assumptions that turn gigawatts into energy, power bills, chips and capital cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compute {
    /// From an agreement's start to its full capacity, linearly.
    pub ramp: Months,
    pub utilisation: Share,
    pub pue: Pue,
    pub power_price: PowerPrice,
    /// Power per accelerator, all-in at the server (chip, memory, network share), before cooling overhead.
    pub accelerator_power: Watts,
    pub capital_cost: CostPerGigawatt,
}

/// Figures that put the deal in proportion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub burn_per_year: Money,
    pub total_commitments: Money,
    pub coreweave: Money,
    pub anthropic: Money,
}

/// The whole scenario: what a share link carries and what every figure is computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub tranches: Vec<Tranche>,
    pub agreements: Vec<Agreement>,
    pub compute: Compute,
    pub context: Context,
    pub discount_rate: Share,
}

/// Where a default figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// Stated in the report the product is built around.
    Reported(&'static str),
    /// Not in the report: a visible default the reader can change, with the source it leans on.
    Assumption(&'static str),
}

impl Provenance {
    pub fn source(self) -> &'static str {
        match self {
            Provenance::Reported(source) | Provenance::Assumption(source) => source,
        }
    }

    pub fn is_assumption(self) -> bool {
        matches!(self, Provenance::Assumption(_))
    }
}

/// The sources behind each default, for the page's hover and focus notes.
pub mod sources {
    use super::Provenance;

    pub const UPFRONT: Provenance =
        Provenance::Reported("Report: $15B upfront; filings say it closes by 2026-03-31");
    pub const MILESTONES: Provenance =
        Provenance::Reported("Report: $35B \"in coming months when certain conditions are met\"");
    pub const MILESTONES_MONTH: Provenance = Provenance::Assumption(
        "Assumed six months after the upfront tranche: the report says \"coming months\"",
    );
    pub const MILESTONES_LAPSE: Provenance =
        Provenance::Assumption("Not in the report; Amazon's 8-K summary, in press coverage: the contingent tranche lapses 2028-12-31");
    pub const PROBABILITY: Provenance =
        Provenance::Assumption("Assumed 100% so the headline matches the reported $50B");
    pub const EXISTING: Provenance =
        Provenance::Reported("Report: the $38B AWS agreement signed 2025-11-03, 7 years");
    pub const EXPANSION: Provenance =
        Provenance::Reported("Report: the AWS agreement grows by $100B over 8 years");
    pub const EXPANSION_START: Provenance = Provenance::Assumption(
        "Assumed to start in March 2026, after the partnership was announced in late February",
    );
    pub const CAPACITY: Provenance =
        Provenance::Reported("Report: about 2 GW of Trainium capacity");
    pub const EVEN_CURVE: Provenance =
        Provenance::Assumption("Assumed even: the report gives no spend schedule");
    pub const BACK_CURVE: Provenance =
        Provenance::Assumption("Assumed back-loaded: Trainium4 deliveries begin in 2027");
    pub const RAMP: Provenance =
        Provenance::Assumption("Assumed: capacity comes online over two years");
    pub const UTILISATION: Provenance = Provenance::Assumption("Assumed 80% average utilisation");
    pub const PUE: Provenance = Provenance::Assumption("Amazon: AWS data-centre PUE 1.15 (2024)");
    pub const POWER_PRICE: Provenance =
        Provenance::Assumption("EIA: US industrial electricity ~$81/MWh (2023)");
    pub const ACCELERATOR_POWER: Provenance = Provenance::Assumption(
        "Analyst estimates: Trainium3 ~1 kW per chip; ~1.3 kW at the server",
    );
    pub const CAPITAL_COST: Provenance =
        Provenance::Assumption("Bernstein: ~$35B per GW of AI data centre");
    pub const BURN: Provenance =
        Provenance::Reported("Report: OpenAI burns about $8B a year (2025)");
    pub const COMMITMENTS: Provenance = Provenance::Reported(
        "Report (corrected): about $600 billion of infrastructure commitments",
    );
    pub const COREWEAVE: Provenance = Provenance::Reported("Report: $22.4B CoreWeave arrangement");
    pub const ANTHROPIC: Provenance =
        Provenance::Reported("Report: Amazon has put at least $8B into Anthropic");
    pub const DISCOUNT_RATE: Provenance =
        Provenance::Assumption("Analyst WACC estimates for Amazon: ~8–9%");
}

fn month(year: u16, month: u8) -> YearMonth {
    // The reported months are constants inside 2020–2045; January 2020 is never reached.
    YearMonth::new(year, month).unwrap_or(YearMonth::FIRST)
}

impl Scenario {
    /// The deal as reported, built once: what every edit compares against and every link is written relative
    /// to, so it is read on every keystroke.
    ///
    /// ```
    /// use deal_calculator::model::scenario::Scenario;
    /// assert_eq!(*Scenario::reported_deal(), Scenario::reported());
    /// ```
    pub fn reported_deal() -> &'static Scenario {
        static REPORTED: std::sync::LazyLock<Scenario> =
            std::sync::LazyLock::new(Scenario::reported);
        &REPORTED
    }

    /// The deal as reported, with labelled assumptions where the report is silent.
    ///
    /// ```
    /// use deal_calculator::model::scenario::Scenario;
    /// let deal = Scenario::reported();
    /// assert_eq!(deal.tranches.len(), 2);
    /// assert_eq!(deal.agreements.len(), 2);
    /// ```
    pub fn reported() -> Scenario {
        Scenario {
            tranches: vec![
                Tranche {
                    id: 0,
                    label: "Upfront".into(),
                    amount: Money::billions(15),
                    paid: month(2026, 3),
                    probability: Share::ONE,
                    lapses: None,
                },
                Tranche {
                    id: 1,
                    label: "Milestones".into(),
                    amount: Money::billions(35),
                    paid: month(2026, 9),
                    probability: Share::ONE,
                    lapses: Some(month(2028, 12)),
                },
            ],
            agreements: vec![
                Agreement {
                    id: 0,
                    label: "AWS existing".into(),
                    total: Money::billions(38),
                    start: month(2025, 11),
                    term: Months::years(7),
                    capacity: None,
                    curve: Curve::Even,
                },
                Agreement {
                    id: 1,
                    label: "AWS expansion".into(),
                    total: Money::billions(100),
                    start: month(2026, 3),
                    term: Months::years(8),
                    capacity: Some(Gigawatts::new(Decimal::TWO)),
                    curve: Curve::BackLoaded,
                },
            ],
            compute: Compute {
                ramp: Months::years(2),
                utilisation: Share::new(Decimal::new(8, 1)).unwrap_or(Share::ONE),
                pue: Pue::new(Decimal::new(115, 2)).unwrap_or(Pue::ONE),
                power_price: PowerPrice::per_mwh(Money::from_dollars(Decimal::from(81u8))),
                accelerator_power: Watts::new(Decimal::from(1_300u16)),
                capital_cost: CostPerGigawatt::new(Money::billions(35)),
            },
            context: Context {
                burn_per_year: Money::billions(8),
                total_commitments: Money::billions(600),
                coreweave: Money::from_dollars(
                    Decimal::new(224, 1).times_or_bound(Decimal::from(1_000_000_000u32)),
                ),
                anthropic: Money::billions(8),
            },
            discount_rate: Share::new(Decimal::new(8, 2)).unwrap_or(Share::ZERO),
        }
    }

    /// A tranche a reader adds: a quarter after the last one, certain, and $0 until the reader says how much, so
    /// that no figure moves by an amount nobody gave (as a link's own new rows are $0 too).
    pub fn new_tranche(&self) -> Tranche {
        let last = self
            .tranches
            .iter()
            .map(|t| t.paid)
            .max()
            .unwrap_or(month(2026, 3));
        Tranche {
            id: next_id(self.tranches.iter().map(|t| t.id)),
            label: format!("Tranche {}", self.tranches.len().saturating_add(1)),
            amount: Money::ZERO,
            paid: last.checked_add(Months::new(3)).unwrap_or(last),
            probability: Share::ONE,
            lapses: None,
        }
    }

    /// An agreement a reader adds: 5 years from the last start, even, without capacity, and $0 until the reader
    /// says how much (see [`Scenario::new_tranche`]).
    pub fn new_agreement(&self) -> Agreement {
        let last = self
            .agreements
            .iter()
            .map(|a| a.start)
            .max()
            .unwrap_or(month(2026, 3));
        Agreement {
            id: next_id(self.agreements.iter().map(|a| a.id)),
            label: format!("Agreement {}", self.agreements.len().saturating_add(1)),
            total: Money::ZERO,
            start: last,
            term: Months::years(5),
            capacity: None,
            curve: Curve::Even,
        }
    }
}

/// For each row, the index of the reported row of the same label, if it is the first row of that label: the row
/// its "changed" marks and sources are read against. Worked out from the labels, which a link keeps, and not from
/// the rows' ids, which it does not: after a reader removes the upfront tranche, the milestones left first in the
/// list are still read against the reported milestones, on the page and in whatever its link opens. Not from
/// positions either: after a removal, a renamed or added row in a reported row's place is the reader's own, and
/// the link could not tell it from the reported one. So a row keeps the report's marks while it keeps its name.
pub fn counterparts<T>(rows: &[T], reported: &[T], label: fn(&T) -> &str) -> Vec<Option<usize>> {
    rows.iter()
        .enumerate()
        .map(|(index, row)| {
            let name = label(row);
            let first = rows.iter().position(|r| label(r) == name) == Some(index);
            reported
                .iter()
                .position(|r| label(r) == name)
                .filter(|_| first)
        })
        .collect()
}

/// The id a card added beside `ids` gets: ids are never reused while the card holding one is shown.
pub fn next_id(ids: impl Iterator<Item = u32>) -> u32 {
    ids.max().map_or(0, |max| max.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::counterparts;

    #[test]
    fn a_row_is_read_against_the_reported_row_of_its_label() {
        let read = |labels: &[&str]| counterparts(labels, &["Upfront", "Milestones"], |l| l);
        assert_eq!(read(&["Upfront", "Milestones"]), vec![Some(0), Some(1)]);
        // The upfront tranche removed: the milestones are still the milestones.
        assert_eq!(read(&["Milestones"]), vec![Some(1)]);
        // A renamed row, or one added in a removed row's place, is the reader's own.
        assert_eq!(read(&["Seed", "Tranche 2"]), vec![None, None]);
        assert_eq!(read(&["Upfront", "Tranche 2"]), vec![Some(0), None]);
        assert_eq!(read(&["Later", "Upfront"]), vec![None, Some(0)]);
        // Two rows of one label: the first is the reported one.
        assert_eq!(read(&["Milestones", "Milestones"]), vec![Some(1), None]);
    }
}
