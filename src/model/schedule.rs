//! The month-by-month schedule of money and capacity, from the earliest start to the end of the longest
//! agreement, and its sums by year.
//!
//! Rounding: an agreement's monthly spend is its total times the cumulative share of its curve, rounded to the
//! cent, minus the same for the month before. The parts therefore add up to the total exactly, whatever the
//! curve, and no cent is lost or made. Expected tranche payments (amount × probability) are kept unrounded.

use crate::model::arith::Checked;
use rust_decimal::{Decimal, RoundingStrategy};

use super::scenario::{Agreement, Curve, Scenario};
use super::units::{Gigawatts, Money, Months, YearMonth};
use super::ComputeError;

/// One tranche's payment, where it lands in the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub tranche_id: u32,
    pub month: YearMonth,
    /// Zero when the tranche lapses before it is paid.
    pub nominal: Money,
    pub expected: Money,
    pub lapsed: bool,
}

/// Everything that happens in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthFlows {
    pub month: YearMonth,
    /// Amazon into OpenAI, if every tranche pays.
    pub investment: Money,
    /// Amazon into OpenAI, each tranche weighted by its probability.
    pub investment_expected: Money,
    /// OpenAI's spend with AWS, one entry per agreement, in the scenario's order.
    pub spend: Vec<Money>,
    pub spend_total: Money,
    /// Capacity online at the end of the month, over all agreements that carry capacity.
    pub capacity_online: Gigawatts,
}

/// Sums over one calendar year (or quarter) of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearFlows {
    pub year: u16,
    /// 1 to 4 for quarterly sums; 0 for yearly ones.
    pub quarter: u8,
    /// The calendar months (1–12) of the period's first and last months in the timeline: a year the timeline
    /// starts or ends in may hold only some of its months.
    pub months: (u8, u8),
    pub investment: Money,
    pub investment_expected: Money,
    pub spend: Vec<Money>,
    pub spend_total: Money,
    /// Capacity online at the end of the year's last month in the timeline.
    pub capacity_online: Gigawatts,
    /// Gigawatt-months online: energy before hours and utilisation are applied.
    pub capacity_months: Decimal,
}

/// Running totals at the end of each month, for the cumulative chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cumulative {
    pub month: YearMonth,
    pub investment: Money,
    pub investment_expected: Money,
    pub spend: Vec<Money>,
    pub spend_total: Money,
    /// What OpenAI has spent with AWS minus what Amazon has invested.
    pub net: Money,
}

/// The monthly schedule of a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub months: Vec<MonthFlows>,
    pub payments: Vec<Payment>,
}

impl Schedule {
    /// Builds the schedule.
    ///
    /// # Errors
    /// [`ComputeError::Overflow`] if a sum leaves the range of a Decimal (it cannot for parsed inputs).
    pub fn build(scenario: &Scenario) -> Result<Schedule, ComputeError> {
        let (start, end) = timeline(scenario)?;
        let length =
            usize::from(end.since(start).ok_or(ComputeError::Overflow)?.count()).saturating_add(1);
        let agreements = scenario.agreements.len();
        let mut months: Vec<MonthFlows> = (0..length)
            .map(|offset| {
                let month = u16::try_from(offset)
                    .ok()
                    .and_then(|offset| start.checked_add(Months::new(offset)))
                    .unwrap_or(end);
                MonthFlows {
                    month,
                    investment: Money::ZERO,
                    investment_expected: Money::ZERO,
                    spend: vec![Money::ZERO; agreements],
                    spend_total: Money::ZERO,
                    capacity_online: Gigawatts::ZERO,
                }
            })
            .collect();

        let mut payments = Vec::with_capacity(scenario.tranches.len());
        for tranche in &scenario.tranches {
            let lapsed = tranche.is_lapsed();
            let nominal = if lapsed { Money::ZERO } else { tranche.amount };
            let expected = nominal
                .checked_scale(tranche.probability.fraction())
                .ok_or(ComputeError::Overflow)?;
            let row = slot(&mut months, start, tranche.paid)?;
            row.investment = row
                .investment
                .checked_add(nominal)
                .ok_or(ComputeError::Overflow)?;
            row.investment_expected = row
                .investment_expected
                .checked_add(expected)
                .ok_or(ComputeError::Overflow)?;
            payments.push(Payment {
                tranche_id: tranche.id,
                month: tranche.paid,
                nominal,
                expected,
                lapsed,
            });
        }

        for (index, agreement) in scenario.agreements.iter().enumerate() {
            let spend = spread(agreement)?;
            let first = usize::from(
                agreement
                    .start
                    .since(start)
                    .ok_or(ComputeError::Overflow)?
                    .count(),
            );
            for (row, amount) in months.iter_mut().skip(first).zip(spend) {
                if let Some(cell) = row.spend.get_mut(index) {
                    *cell = amount;
                }
                row.spend_total = row
                    .spend_total
                    .checked_add(amount)
                    .ok_or(ComputeError::Overflow)?;
            }
            if let Some(capacity) = agreement.capacity {
                add_capacity(
                    &mut months,
                    first,
                    agreement.term,
                    scenario.compute.ramp,
                    capacity,
                )?;
            }
        }
        Ok(Schedule { months, payments })
    }

    pub fn first_month(&self) -> Option<YearMonth> {
        self.months.first().map(|row| row.month)
    }

    /// Sums by calendar year, in order.
    pub fn by_year(&self) -> Result<Vec<YearFlows>, ComputeError> {
        self.by_period(|month| (month.year(), 0))
    }

    /// Sums by calendar quarter, in order.
    ///
    /// ```
    /// use deal_calculator::model::{scenario::Scenario, schedule::Schedule};
    /// let quarters = Schedule::build(&Scenario::reported()).unwrap().by_quarter().unwrap();
    /// assert_eq!((quarters[0].year, quarters[0].quarter), (2025, 4));
    /// ```
    pub fn by_quarter(&self) -> Result<Vec<YearFlows>, ComputeError> {
        self.by_period(|month| {
            (
                month.year(),
                (month.month().saturating_sub(1) / 3).saturating_add(1),
            )
        })
    }

    /// Sums over consecutive months that share a period key (year, quarter).
    fn by_period(
        &self,
        period: impl Fn(YearMonth) -> (u16, u8),
    ) -> Result<Vec<YearFlows>, ComputeError> {
        let mut years: Vec<YearFlows> = Vec::new();
        for row in &self.months {
            let (year, quarter) = period(row.month);
            if years
                .last()
                .is_none_or(|last| (last.year, last.quarter) != (year, quarter))
            {
                years.push(YearFlows {
                    year,
                    quarter,
                    months: (row.month.month(), row.month.month()),
                    investment: Money::ZERO,
                    investment_expected: Money::ZERO,
                    spend: vec![Money::ZERO; row.spend.len()],
                    spend_total: Money::ZERO,
                    capacity_online: Gigawatts::ZERO,
                    capacity_months: Decimal::ZERO,
                });
            }
            let Some(sums) = years.last_mut() else {
                continue;
            };
            sums.investment = sums
                .investment
                .checked_add(row.investment)
                .ok_or(ComputeError::Overflow)?;
            sums.investment_expected = sums
                .investment_expected
                .checked_add(row.investment_expected)
                .ok_or(ComputeError::Overflow)?;
            for (sum, amount) in sums.spend.iter_mut().zip(&row.spend) {
                *sum = sum.checked_add(*amount).ok_or(ComputeError::Overflow)?;
            }
            sums.spend_total = sums
                .spend_total
                .checked_add(row.spend_total)
                .ok_or(ComputeError::Overflow)?;
            sums.months.1 = row.month.month();
            sums.capacity_online = row.capacity_online;
            sums.capacity_months = sums
                .capacity_months
                .plus(row.capacity_online.value())
                .ok_or(ComputeError::Overflow)?;
        }
        Ok(years)
    }

    /// Running totals at the end of each month.
    pub fn cumulative(&self) -> Result<Vec<Cumulative>, ComputeError> {
        let mut out: Vec<Cumulative> = Vec::with_capacity(self.months.len());
        for row in &self.months {
            // The running totals so far are the last row written.
            let previous = out.last();
            let add = |before: Option<Money>, now: Money| {
                before
                    .unwrap_or(Money::ZERO)
                    .checked_add(now)
                    .ok_or(ComputeError::Overflow)
            };
            let investment = add(previous.map(|p| p.investment), row.investment)?;
            let investment_expected = add(
                previous.map(|p| p.investment_expected),
                row.investment_expected,
            )?;
            let spend = row
                .spend
                .iter()
                .enumerate()
                .map(|(i, amount)| add(previous.and_then(|p| p.spend.get(i).copied()), *amount))
                .collect::<Result<Vec<Money>, ComputeError>>()?;
            let spend_total = add(previous.map(|p| p.spend_total), row.spend_total)?;
            let net = spend_total
                .checked_sub(investment)
                .ok_or(ComputeError::Overflow)?;
            out.push(Cumulative {
                month: row.month,
                investment,
                investment_expected,
                spend,
                spend_total,
                net,
            });
        }
        Ok(out)
    }
}

/// From the earliest payment or start to the last month of the longest agreement (or the last payment).
fn timeline(scenario: &Scenario) -> Result<(YearMonth, YearMonth), ComputeError> {
    let starts = scenario
        .tranches
        .iter()
        .map(|t| t.paid)
        .chain(scenario.agreements.iter().map(|a| a.start));
    let start = starts.min().ok_or(ComputeError::Empty)?;
    let ends = scenario
        .agreements
        .iter()
        .map(|a| a.last_month().ok_or(ComputeError::Overflow))
        .chain(scenario.tranches.iter().map(|t| Ok(t.paid)))
        .collect::<Result<Vec<YearMonth>, ComputeError>>()?;
    let end = ends.into_iter().max().ok_or(ComputeError::Empty)?;
    Ok((start, end))
}

fn slot(
    months: &mut [MonthFlows],
    start: YearMonth,
    month: YearMonth,
) -> Result<&mut MonthFlows, ComputeError> {
    let offset = usize::from(month.since(start).ok_or(ComputeError::Overflow)?.count());
    months.get_mut(offset).ok_or(ComputeError::Overflow)
}

/// The weight of each year of a term under a curve; the parts are relative, not shares.
pub fn year_weights(curve: &Curve, years: usize) -> Vec<Decimal> {
    let half = years.div_ceil(2);
    (0..years)
        .map(|year| match curve {
            Curve::Even => Decimal::ONE,
            Curve::RampUp => Decimal::from(year.saturating_add(1).min(half)),
            Curve::FrontLoaded => Decimal::from(years.saturating_sub(year)),
            Curve::BackLoaded => Decimal::from(year.saturating_add(1)),
            Curve::Custom(weights) => weights
                .get(year)
                .or(weights.last())
                .copied()
                .unwrap_or(Decimal::ONE),
        })
        .collect()
}

/// Spreads an agreement's total over its months, exactly (see the module's note on rounding).
///
/// ```
/// use deal_calculator::model::scenario::Scenario;
/// use deal_calculator::model::schedule::spread;
/// use deal_calculator::model::units::Money;
/// let expansion = &Scenario::reported().agreements[1];
/// let months = spread(expansion).unwrap();
/// assert_eq!(months.len(), 96);
/// assert_eq!(Money::checked_sum(months), Some(expansion.total));
/// ```
///
/// # Errors
/// [`ComputeError::Overflow`] if a product leaves the range of a Decimal.
pub fn spread(agreement: &Agreement) -> Result<Vec<Money>, ComputeError> {
    let months = usize::from(agreement.term.count());
    let mut weights = year_weights(&agreement.curve, months.div_ceil(12));
    let mut total_weight = month_weight_total(&weights, months)?;
    if total_weight.is_zero() {
        // Custom weights that are zero over the whole term: spread evenly rather than divide by zero.
        weights = year_weights(&Curve::Even, months.div_ceil(12));
        total_weight = month_weight_total(&weights, months)?;
    }
    let total = agreement.total.round_cents();
    // One division per agreement, not per month: each month's running target is total × (weight so far / all).
    // Twelve decimals of a dollar per unit of weight keep the products inside Decimal's fast 96-bit path; the
    // error they allow is far below a cent, and the last month is exact anyway.
    let per_weight = total
        .checked_div(total_weight)
        .ok_or(ComputeError::Overflow)?;
    let per_weight = Money::from_dollars(per_weight.dollars().round_dp(12));
    let mut spent_so_far = Money::ZERO;
    let mut cumulative_weight = Decimal::ZERO;
    let mut out = Vec::with_capacity(months);
    for month in 0..months {
        let weight = weights.get(month / 12).copied().unwrap_or(Decimal::ZERO);
        cumulative_weight = cumulative_weight
            .plus(weight)
            .ok_or(ComputeError::Overflow)?;
        let target = if cumulative_weight == total_weight {
            // The last month lands on the total exactly, whatever the rounding of the quotient.
            total
        } else {
            let exact = per_weight
                .checked_scale(cumulative_weight)
                .ok_or(ComputeError::Overflow)?;
            Money::from_dollars(
                exact
                    .dollars()
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
            )
        };
        out.push(
            target
                .checked_sub(spent_so_far)
                .ok_or(ComputeError::Overflow)?,
        );
        spent_so_far = target;
    }
    Ok(out)
}

fn month_weight_total(weights: &[Decimal], months: usize) -> Result<Decimal, ComputeError> {
    (0..months).try_fold(Decimal::ZERO, |sum, month| {
        sum.plus(weights.get(month / 12).copied().unwrap_or(Decimal::ZERO))
            .ok_or(ComputeError::Overflow)
    })
}

/// Capacity comes online linearly over the ramp, from the agreement's start, and stays until its last month.
fn add_capacity(
    months: &mut [MonthFlows],
    first: usize,
    term: Months,
    ramp: Months,
    capacity: Gigawatts,
) -> Result<(), ComputeError> {
    let ramp = Decimal::from(ramp.count());
    for (elapsed, row) in months
        .iter_mut()
        .skip(first)
        .take(usize::from(term.count()))
        .enumerate()
    {
        let done = Decimal::from(elapsed.saturating_add(1));
        let online = if done >= ramp {
            capacity
        } else {
            // Multiply first, then divide: 2 GW × 12 / 24 is exactly 1 GW.
            let scaled = capacity.checked_scale(done).ok_or(ComputeError::Overflow)?;
            Gigawatts::new(
                scaled
                    .value()
                    .checked_div(ramp)
                    .ok_or(ComputeError::Overflow)?,
            )
        };
        row.capacity_online = row
            .capacity_online
            .checked_add(online)
            .ok_or(ComputeError::Overflow)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::Share;
    use rust_decimal_macros::dec;

    #[test]
    fn the_reported_timeline_runs_from_nov_2025_to_feb_2034() {
        let schedule = Schedule::build(&Scenario::reported()).unwrap();
        assert_eq!(schedule.first_month().unwrap().to_string(), "2025-11");
        assert_eq!(schedule.months.last().unwrap().month.to_string(), "2034-02");
    }

    #[test]
    fn even_spread_of_the_expansion_is_twelve_and_a_half_billion_a_year() {
        let mut deal = Scenario::reported();
        deal.agreements[1].curve = Curve::Even;
        let months = spread(&deal.agreements[1]).unwrap();
        for year in months.chunks(12) {
            assert_eq!(
                Money::checked_sum(year.iter().copied()),
                Some(Money::from_dollars(dec!(12_500_000_000)))
            );
        }
    }

    #[test]
    fn awkward_totals_lose_no_cent() {
        let mut deal = Scenario::reported();
        deal.agreements[0].total = Money::from_dollars(dec!(1000.01));
        deal.agreements[0].term = Months::new(7);
        let months = spread(&deal.agreements[0]).unwrap();
        assert_eq!(
            Money::checked_sum(months.iter().copied()),
            Some(Money::from_dollars(dec!(1000.01)))
        );
        assert!(months.iter().all(|m| m.dollars().scale() <= 2));
    }

    #[test]
    fn curves_have_the_promised_shapes() {
        assert_eq!(
            year_weights(&Curve::BackLoaded, 4),
            vec![dec!(1), dec!(2), dec!(3), dec!(4)]
        );
        assert_eq!(
            year_weights(&Curve::FrontLoaded, 4),
            vec![dec!(4), dec!(3), dec!(2), dec!(1)]
        );
        assert_eq!(
            year_weights(&Curve::RampUp, 5),
            vec![dec!(1), dec!(2), dec!(3), dec!(3), dec!(3)]
        );
        assert_eq!(
            year_weights(&Curve::Custom(vec![dec!(1), dec!(5)]), 3),
            vec![dec!(1), dec!(5), dec!(5)]
        );
    }

    #[test]
    fn zero_custom_weights_over_the_term_fall_back_to_even() {
        let mut deal = Scenario::reported();
        deal.agreements[0].curve = Curve::Custom(vec![dec!(0)]);
        let months = spread(&deal.agreements[0]).unwrap();
        assert_eq!(Money::checked_sum(months), Some(Money::billions(38)));
    }

    #[test]
    fn a_lapsed_tranche_pays_nothing() {
        let mut deal = Scenario::reported();
        deal.tranches[1].paid = YearMonth::new(2029, 1).unwrap();
        let schedule = Schedule::build(&deal).unwrap();
        let payment = &schedule.payments[1];
        assert!(payment.lapsed);
        assert_eq!(payment.nominal, Money::ZERO);
    }

    #[test]
    fn capacity_ramps_linearly_to_full() {
        let schedule = Schedule::build(&Scenario::reported()).unwrap();
        let online = |label: &str| {
            schedule
                .months
                .iter()
                .find(|m| m.month.to_string() == label)
                .unwrap()
                .capacity_online
                .value()
        };
        assert_eq!(online("2026-02"), dec!(0));
        assert_eq!(online("2027-02"), dec!(1));
        assert_eq!(online("2028-02"), dec!(2));
        assert_eq!(online("2034-02"), dec!(2));
    }

    #[test]
    fn yearly_and_cumulative_sums_match_the_totals() {
        let mut deal = Scenario::reported();
        deal.tranches[1].probability = Share::new(dec!(0.6)).unwrap();
        let schedule = Schedule::build(&deal).unwrap();
        let years = schedule.by_year().unwrap();
        assert_eq!(years.first().unwrap().year, 2025);
        let quarters = schedule.by_quarter().unwrap();
        assert_eq!(quarters.len(), 34); // 2025 Q4 to 2034 Q1
        assert_eq!(
            Money::checked_sum(quarters.iter().map(|q| q.spend_total)),
            Some(Money::billions(138))
        );
        assert_eq!(
            Money::checked_sum(quarters.iter().map(|q| q.investment_expected)),
            Some(Money::billions(36))
        );
        assert_eq!(
            Money::checked_sum(years.iter().map(|y| y.spend_total)),
            Some(Money::billions(138))
        );
        let last = schedule.cumulative().unwrap().pop().unwrap();
        assert_eq!(last.investment, Money::billions(50));
        assert_eq!(last.investment_expected, Money::billions(36));
        assert_eq!(last.net, Money::billions(88));
    }
}
