//! Every worked check in shared/deal-facts.md, against the model's metrics for the reported deal.
#![cfg(not(target_arch = "wasm32"))]

use deal_calculator::model::metrics::{present_value, MetricKey};
use deal_calculator::model::scenario::Scenario;
use deal_calculator::model::units::{Gigawatts, Money, Share};
use deal_calculator::model::Outcome;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn metric(scenario: &Scenario, key: MetricKey) -> Decimal {
    Outcome::compute(scenario)
        .unwrap()
        .metrics
        .get(key)
        .unwrap_or_else(|| panic!("{} undefined", key.key()))
}

fn reported(key: MetricKey) -> Decimal {
    metric(&Scenario::reported(), key)
}

#[test]
fn investment_is_fifty_billion_thirty_percent_upfront() {
    assert_eq!(reported(MetricKey::InvestmentTotal), dec!(50_000_000_000));
    assert_eq!(
        reported(MetricKey::InvestmentExpected),
        dec!(50_000_000_000)
    );
    assert_eq!(reported(MetricKey::InvestmentUpfrontShare), dec!(0.3));
}

#[test]
fn infrastructure_is_138_billion_and_the_expansion_runs_12_5_a_year() {
    assert_eq!(
        reported(MetricKey::InfrastructureTotal),
        dec!(138_000_000_000)
    );
    assert_eq!(reported(MetricKey::ExpansionPerYear), dec!(12_500_000_000));
}

#[test]
fn per_gigawatt_figures() {
    assert_eq!(
        reported(MetricKey::InfrastructurePerGw),
        dec!(69_000_000_000)
    );
    assert_eq!(reported(MetricKey::SpendPerGw), dec!(50_000_000_000));
    assert_eq!(reported(MetricKey::InvestmentPerGw), dec!(25_000_000_000));
    assert_eq!(reported(MetricKey::CapacityTotal), dec!(2));
}

#[test]
fn ratios_to_context_figures() {
    assert_eq!(reported(MetricKey::SpendToInvestment), dec!(2.76));
    assert_eq!(reported(MetricKey::AmazonNetNominal), dec!(88_000_000_000));
    assert_eq!(reported(MetricKey::RunwayMonths), dec!(75));
    assert_eq!(reported(MetricKey::CommitmentsShare), dec!(0.23));
    assert_eq!(
        reported(MetricKey::CoreweaveShare).round_dp(4),
        dec!(0.0373)
    );
    assert_eq!(reported(MetricKey::AnthropicMultiple), dec!(6.25));
}

#[test]
fn energy_and_power_bill_at_80_percent() {
    assert_eq!(reported(MetricKey::EnergyTwhPerYear), dec!(14.016));
    // $81/MWh × 14.016 TWh: about $1.135B a year.
    assert_eq!(reported(MetricKey::PowerCostPerYear), dec!(1_135_296_000));
    let mut always_on = Scenario::reported();
    always_on.compute.utilisation = Share::ONE;
    assert_eq!(metric(&always_on, MetricKey::EnergyTwhPerYear), dec!(17.52));
}

#[test]
fn present_value_of_the_expansion_spread_evenly() {
    let flows = vec![Money::from_dollars(dec!(12_500_000_000)); 8];
    let at = |rate| present_value(&flows, rate, 1).unwrap().dollars() / dec!(10_000_000);
    assert_eq!(at(dec!(0.08)).round(), dec!(7_183));
    assert_eq!(at(dec!(0.10)).round(), dec!(6_669));
}

#[test]
fn a_35_billion_tranche_at_60_percent_is_worth_21_billion() {
    let mut deal = Scenario::reported();
    deal.tranches[1].probability = Share::new(dec!(0.6)).unwrap();
    assert_eq!(
        metric(&deal, MetricKey::InvestmentExpected),
        dec!(36_000_000_000)
    );
    assert_eq!(
        metric(&deal, MetricKey::InvestmentTotal),
        dec!(50_000_000_000)
    );
    let outcome = Outcome::compute(&deal).unwrap();
    assert_eq!(outcome.schedule.payments[1].expected, Money::billions(21));
}

#[test]
fn compute_figures_for_the_reported_capacity() {
    // 2 GW / (1,300 W × 1.15) = 1,337,792 accelerators; capital cost 2 × $35B.
    assert_eq!(reported(MetricKey::Accelerators), dec!(1_337_792));
    assert_eq!(reported(MetricKey::CapitalCost), dec!(70_000_000_000));
}

#[test]
fn present_values_are_below_nominal_and_net_is_their_difference() {
    let investment_pv = reported(MetricKey::InvestmentPv);
    let infrastructure_pv = reported(MetricKey::InfrastructurePv);
    assert!(investment_pv < dec!(50_000_000_000) && investment_pv > dec!(45_000_000_000));
    assert!(infrastructure_pv < dec!(138_000_000_000) && infrastructure_pv > dec!(90_000_000_000));
    assert_eq!(
        reported(MetricKey::AmazonNetPv),
        infrastructure_pv - investment_pv
    );
}

#[test]
fn without_capacity_per_gw_figures_are_undefined_not_errors() {
    let mut deal = Scenario::reported();
    deal.agreements[1].capacity = None;
    let outcome = Outcome::compute(&deal).unwrap();
    assert_eq!(outcome.metrics.get(MetricKey::SpendPerGw), None);
    assert_eq!(
        outcome.metrics.get(MetricKey::EnergyTwhPerYear),
        Some(dec!(0))
    );
}

#[test]
fn an_agreement_of_zero_gigawatts_is_not_one_with_capacity() {
    let mut deal = Scenario::reported();
    deal.agreements[1].capacity = Some(Gigawatts::ZERO);
    let outcome = Outcome::compute(&deal).unwrap();
    // Averaged in, it said "$12.5B/yr on agreements with GW capacity" beside "—" for every per-GW figure.
    assert_eq!(outcome.metrics.get(MetricKey::ExpansionPerYear), None);
    assert_eq!(outcome.metrics.get(MetricKey::SpendPerGw), None);
}

#[test]
fn a_small_investment_still_has_a_runway() {
    // $1M against $8B a year is 0.0015 months, which two decimal places rounded to nothing.
    let mut deal = Scenario::reported();
    deal.tranches[0].amount = Money::from_dollars(dec!(1_000_000));
    deal.tranches[1].amount = Money::ZERO;
    assert_eq!(metric(&deal, MetricKey::RunwayMonths), dec!(0.0015));
}
