//! The headline figures, each under a stable key, as an exact Decimal in a stated unit.
//!
//! Keys are public: the page writes them as `data-metric`, tests and link fixtures read them. Never rename one;
//! add a new key instead. A figure that cannot be computed (a division by zero) is `None` and shows as "—".

use crate::model::arith::Checked;
use rust_decimal::Decimal;

use super::scenario::Scenario;
use super::schedule::Schedule;
use super::units::{Gigawatts, Money};
use super::ComputeError;

/// What a metric's number is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// US dollars.
    Money,
    /// US dollars per year.
    MoneyPerYear,
    /// US dollars per gigawatt.
    MoneyPerGigawatt,
    /// A fraction: 0.3 is 30%.
    Share,
    /// A plain multiple: 2.76 is 2.76×.
    Multiple,
    Months,
    Gigawatts,
    /// Terawatt-hours per year.
    TerawattHoursPerYear,
    /// A whole number of things.
    Count,
}

macro_rules! metric_keys {
    ($($variant:ident => $key:literal, $unit:ident, $label:literal;)*) => {
        /// Every headline figure, by its stable key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum MetricKey { $($variant),* }

        impl MetricKey {
            pub const ALL: &'static [MetricKey] = &[$(MetricKey::$variant),*];

            /// The key written as `data-metric` and in link fixtures.
            pub fn key(self) -> &'static str {
                match self { $(MetricKey::$variant => $key),* }
            }

            pub fn unit(self) -> Unit {
                match self { $(MetricKey::$variant => Unit::$unit),* }
            }

            /// What the page calls the figure.
            pub fn label(self) -> &'static str {
                match self { $(MetricKey::$variant => $label),* }
            }

            pub fn from_key(key: &str) -> Option<MetricKey> {
                MetricKey::ALL.iter().copied().find(|metric| metric.key() == key)
            }
        }
    };
}

metric_keys! {
    InvestmentTotal => "investment_total", Money, "Amazon invests in OpenAI";
    InvestmentExpected => "investment_expected", Money, "Expected investment, by tranche probability";
    InvestmentUpfrontShare => "investment_upfront_share", Share, "Share of the investment paid in its first month";
    InfrastructureTotal => "infrastructure_total", Money, "OpenAI commits to spend with AWS";
    ExpansionPerYear => "expansion_per_year", MoneyPerYear, "Average yearly spend on agreements with GW capacity";
    CapacityTotal => "capacity_total", Gigawatts, "Capacity in the agreements";
    SpendPerGw => "spend_per_gw", MoneyPerGigawatt, "Spend per GW on agreements with GW capacity";
    InfrastructurePerGw => "infrastructure_per_gw", MoneyPerGigawatt, "All AWS commitments per GW";
    InvestmentPerGw => "investment_per_gw", MoneyPerGigawatt, "Investment per GW";
    SpendToInvestment => "spend_to_investment", Multiple, "AWS spend per dollar invested";
    AmazonNetNominal => "amazon_net_nominal", Money, "Amazon's net: AWS spend minus investment";
    RunwayMonths => "runway_months", Months, "Months of OpenAI's burn the investment covers";
    CommitmentsShare => "commitments_share", Share, "Share of OpenAI's total infrastructure commitments";
    CoreweaveShare => "coreweave_share", Share, "CoreWeave's share of OpenAI's commitments";
    AnthropicMultiple => "anthropic_multiple", Multiple, "Investment in OpenAI vs in Anthropic";
    EnergyTwhPerYear => "energy_twh_per_year", TerawattHoursPerYear, "Energy at full capacity";
    PowerCostPerYear => "power_cost_per_year", MoneyPerYear, "Power bill at full capacity";
    Accelerators => "accelerators", Count, "Accelerators the capacity can run";
    CapitalCost => "capital_cost", Money, "Capital cost of building the capacity";
    InvestmentPv => "investment_pv", Money, "Present value of the expected investment";
    InfrastructurePv => "infrastructure_pv", Money, "Present value of the AWS spend";
    AmazonNetPv => "amazon_net_pv", Money, "Present value of Amazon's net";
}

impl MetricKey {
    /// Whether the figure rests on an assumption (a default of the calculator's, which the report does not give), so
    /// that the reported deal's figure beside a changed one says "default: 14 TWh/yr", never that 14 TWh was reported.
    pub fn assumed(self) -> bool {
        use MetricKey::*;
        matches!(
            self,
            InvestmentExpected
                | EnergyTwhPerYear
                | PowerCostPerYear
                | Accelerators
                | CapitalCost
                | InvestmentPv
                | InfrastructurePv
                | AmazonNetPv
        )
    }
}

/// The value of every metric for one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metrics {
    values: Vec<(MetricKey, Option<Decimal>)>,
}

impl Metrics {
    /// The metric's exact value; `None` where it is undefined (e.g. per GW with no capacity).
    pub fn get(&self, key: MetricKey) -> Option<Decimal> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| *v)
    }

    /// Every metric undefined.
    pub fn undefined() -> Metrics {
        Metrics {
            values: MetricKey::ALL.iter().map(|key| (*key, None)).collect(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (MetricKey, Option<Decimal>)> + '_ {
        self.values.iter().copied()
    }

    /// Computes every metric from the scenario and its schedule.
    ///
    /// ```
    /// use deal_calculator::model::{metrics::{Metrics, MetricKey}, scenario::Scenario, schedule::Schedule};
    /// use rust_decimal::Decimal;
    /// let deal = Scenario::reported();
    /// let metrics = Metrics::compute(&deal, &Schedule::build(&deal).unwrap()).unwrap();
    /// assert_eq!(metrics.get(MetricKey::RunwayMonths), Some(Decimal::from(75)));
    /// ```
    ///
    /// # Errors
    /// [`ComputeError::Overflow`] if a figure leaves the range of a Decimal.
    pub fn compute(scenario: &Scenario, schedule: &Schedule) -> Result<Metrics, ComputeError> {
        let overflow = || ComputeError::Overflow;
        let investment =
            Money::checked_sum(schedule.payments.iter().map(|p| p.nominal)).ok_or_else(overflow)?;
        let expected = Money::checked_sum(schedule.payments.iter().map(|p| p.expected))
            .ok_or_else(overflow)?;
        let first_payment = schedule
            .payments
            .iter()
            .filter(|p| !p.lapsed)
            .map(|p| p.month)
            .min();
        let upfront = Money::checked_sum(
            schedule
                .payments
                .iter()
                .filter(|p| Some(p.month) == first_payment)
                .map(|p| p.nominal),
        )
        .ok_or_else(overflow)?;
        let infrastructure =
            Money::checked_sum(scenario.agreements.iter().map(|a| a.total)).ok_or_else(overflow)?;

        // A capacity of 0 GW names none: such an agreement is not averaged in with those that have one.
        let with_capacity = || {
            scenario
                .agreements
                .iter()
                .filter(|a| a.capacity.is_some_and(|gw| !gw.value().is_zero()))
        };
        let capacity = with_capacity()
            .filter_map(|a| a.capacity)
            .try_fold(Gigawatts::ZERO, Gigawatts::checked_add)
            .ok_or_else(overflow)?;
        let capacity_spend =
            Money::checked_sum(with_capacity().map(|a| a.total)).ok_or_else(overflow)?;
        let capacity_per_year = with_capacity()
            .map(|a| a.total.checked_div(a.term.in_years()).ok_or_else(overflow))
            .try_fold(Money::ZERO, |sum, part| {
                part.and_then(|p| sum.checked_add(p).ok_or_else(overflow))
            })?;
        let has_capacity = with_capacity().next().is_some();

        let compute = &scenario.compute;
        let context = &scenario.context;
        // GW × 8,760 h × utilisation = GWh; / 1,000 = TWh. Capacity is facility power, so PUE is already in it.
        let energy = capacity
            .value()
            .times(Decimal::from(8_760u16))
            .and_then(|gwh| gwh.times(compute.utilisation.fraction()))
            .and_then(|gwh| gwh.checked_div(Decimal::from(1_000u16)))
            .ok_or_else(overflow)?;
        // TWh × 1,000,000 MWh per TWh × $/MWh.
        let power_cost = compute
            .power_price
            .money_per_mwh()
            .checked_scale(energy)
            .and_then(|m| m.checked_scale(Decimal::from(1_000_000u32)))
            .ok_or_else(overflow)?;
        // Facility watts over watts per accelerator at the facility (server power × PUE).
        let accelerators = capacity
            .value()
            .times(Decimal::from(1_000_000_000u32))
            .and_then(|watts| {
                watts.checked_div(
                    compute
                        .accelerator_power
                        .value()
                        .times(compute.pue.ratio())?,
                )
            })
            .map(|count| count.floor())
            .ok_or_else(overflow)?;
        let capital_cost = compute
            .capital_cost
            .checked_for(capacity)
            .ok_or_else(overflow)?;

        let monthly_rate = scenario
            .discount_rate
            .fraction()
            .checked_div(Decimal::from(12u8))
            .ok_or_else(overflow)?;
        let investment_flows: Vec<Money> = schedule
            .months
            .iter()
            .map(|m| m.investment_expected)
            .collect();
        let spend_flows: Vec<Money> = schedule.months.iter().map(|m| m.spend_total).collect();
        let investment_pv =
            present_value(&investment_flows, monthly_rate, 0).ok_or_else(overflow)?;
        let infrastructure_pv =
            present_value(&spend_flows, monthly_rate, 0).ok_or_else(overflow)?;

        let money = |m: Money| Some(m.dollars().normalize());
        let ratio = |a: Money, b: Money| a.checked_ratio(b).map(|r| r.round_dp(10).normalize());
        let per_gw = |m: Money| {
            if has_capacity {
                m.checked_div(capacity.value())
                    .map(|m| m.round_cents().dollars())
            } else {
                None
            }
        };
        let runway = investment
            .checked_ratio(context.burn_per_year)
            .and_then(|years| years.times(Decimal::from(12u8)))
            // Ten places, as the ratios: at two, an investment of $1M against $8B a year showed "0 months".
            .map(|months| months.round_dp(10).normalize());

        use MetricKey::*;
        let values = vec![
            (InvestmentTotal, money(investment)),
            (InvestmentExpected, money(expected.round_cents())),
            (InvestmentUpfrontShare, ratio(upfront, investment)),
            (InfrastructureTotal, money(infrastructure)),
            (
                ExpansionPerYear,
                if has_capacity {
                    money(capacity_per_year.round_cents())
                } else {
                    None
                },
            ),
            (CapacityTotal, Some(capacity.value().normalize())),
            (SpendPerGw, per_gw(capacity_spend)),
            (InfrastructurePerGw, per_gw(infrastructure)),
            (InvestmentPerGw, per_gw(investment)),
            (SpendToInvestment, ratio(infrastructure, investment)),
            (
                AmazonNetNominal,
                infrastructure.checked_sub(investment).and_then(money),
            ),
            (RunwayMonths, runway),
            (
                CommitmentsShare,
                ratio(infrastructure, context.total_commitments),
            ),
            (
                CoreweaveShare,
                ratio(context.coreweave, context.total_commitments),
            ),
            (AnthropicMultiple, ratio(investment, context.anthropic)),
            (EnergyTwhPerYear, Some(energy.normalize())),
            (PowerCostPerYear, money(power_cost.round_cents())),
            (Accelerators, Some(accelerators.normalize())),
            (CapitalCost, money(capital_cost.round_cents())),
            (InvestmentPv, money(investment_pv.round_cents())),
            (InfrastructurePv, money(infrastructure_pv.round_cents())),
            (
                AmazonNetPv,
                infrastructure_pv
                    .checked_sub(investment_pv)
                    .map(Money::round_cents)
                    .and_then(money),
            ),
        ];
        Ok(Metrics { values })
    }
}

/// Decimals kept in discount factors; see [`present_value`].
const FACTOR_DECIMALS: u32 = 14;

/// The present value of a stream of flows, one per period, discounted at `rate` per period; the flow at index
/// `i` is discounted over `i + first_period` periods. Discount factors are kept to 14 decimals (rounded at each
/// period), which keeps the arithmetic in Decimal's fast path; over 600 periods the error stays below a
/// millionth of a percent, and it is the same on every machine, so a link always shows the same present value.
///
/// ```
/// use deal_calculator::model::metrics::present_value;
/// use deal_calculator::model::units::Money;
/// use rust_decimal::Decimal;
/// // $100B spread evenly over 8 years, paid at each year's end, at 8%: $71.83B.
/// let flows = vec![Money::from_dollars(Decimal::new(12_500_000_000, 0)); 8];
/// let pv = present_value(&flows, Decimal::new(8, 2), 1).unwrap();
/// assert_eq!((pv.dollars() / Decimal::new(10_000_000, 0)).round(), Decimal::from(7_183));
/// ```
pub fn present_value(flows: &[Money], rate: Decimal, first_period: u32) -> Option<Money> {
    let step = Decimal::ONE
        .checked_div(Decimal::ONE.plus(rate)?)?
        .round_dp(FACTOR_DECIMALS);
    let mut factor = Decimal::ONE;
    for _ in 0..first_period {
        factor = factor.times(step)?.round_dp(FACTOR_DECIMALS);
    }
    let mut sum = Money::ZERO;
    for flow in flows {
        if !flow.is_zero() {
            sum = sum.checked_add(flow.checked_scale(factor)?)?;
        }
        factor = factor.times(step)?.round_dp(FACTOR_DECIMALS);
    }
    Some(sum)
}
