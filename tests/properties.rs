//! Properties over arbitrary valid scenarios: no panic, exact schedules, sane metrics, links that round-trip.
#![cfg(not(target_arch = "wasm32"))]

use deal_calculator::model::link;
use deal_calculator::model::metrics::{MetricKey, Unit};
use deal_calculator::model::scenario::{Agreement, Compute, Context, Curve, Scenario, Tranche};
use deal_calculator::model::units::{
    CostPerGigawatt, Gigawatts, Money, Months, PowerPrice, Pue, Share, Watts, YearMonth,
};
use deal_calculator::model::{parse, Outcome};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money() -> impl Strategy<Value = Money> {
    // Up to $10T, to the cent.
    (0i64..=1_000_000_000_000_000).prop_map(|cents| Money::from_dollars(Decimal::new(cents, 2)))
}

fn month() -> impl Strategy<Value = YearMonth> {
    (2020u16..=2045, 1u8..=12).prop_map(|(y, m)| YearMonth::new(y, m).unwrap())
}

fn share() -> impl Strategy<Value = Share> {
    (0u32..=10_000).prop_map(|basis| Share::new(Decimal::new(i64::from(basis), 4)).unwrap())
}

fn label() -> impl Strategy<Value = String> {
    "[A-Za-z0-9<>&~=#%é🚀][A-Za-z0-9 <>&~=#%é🚀]{0,19}"
        .prop_map(|text| parse::parse_label(&text).unwrap())
}

fn curve() -> impl Strategy<Value = Curve> {
    prop_oneof![
        Just(Curve::Even),
        Just(Curve::RampUp),
        Just(Curve::FrontLoaded),
        Just(Curve::BackLoaded),
        prop::collection::vec(0u32..=100, 1..6).prop_filter_map("a weight above zero", |weights| {
            weights
                .iter()
                .any(|w| *w > 0)
                .then(|| Curve::Custom(weights.into_iter().map(Decimal::from).collect()))
        }),
    ]
}

fn tranche() -> impl Strategy<Value = Tranche> {
    (
        label(),
        money(),
        month(),
        share(),
        prop::option::of(month()),
    )
        .prop_map(|(label, amount, paid, probability, lapses)| Tranche {
            id: 0,
            label,
            amount,
            paid,
            probability,
            lapses,
        })
}

fn agreement() -> impl Strategy<Value = Agreement> {
    (
        label(),
        money(),
        month(),
        1u16..=300,
        prop::option::of(0u32..=1_000_000),
        curve(),
    )
        .prop_map(|(label, total, start, term, capacity, curve)| Agreement {
            id: 0,
            label,
            total,
            start,
            term: Months::new(term),
            capacity: capacity.map(|mw| Gigawatts::new(Decimal::new(i64::from(mw), 3))),
            curve,
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::collection::vec(tranche(), 1..=12),
        prop::collection::vec(agreement(), 1..=8),
        (
            0u16..=120,
            share(),
            100u32..=300,
            0u32..=10_000,
            100u32..=20_000,
            money(),
        ),
        (money(), money(), money(), money()),
        share(),
    )
        .prop_map(
            |(mut tranches, mut agreements, compute, context, discount_rate)| {
                for (id, t) in tranches.iter_mut().enumerate() {
                    t.id = id as u32;
                }
                for (id, a) in agreements.iter_mut().enumerate() {
                    a.id = id as u32;
                }
                let (ramp, utilisation, pue, price, watts, capex) = compute;
                Scenario {
                    tranches,
                    agreements,
                    compute: Compute {
                        ramp: Months::new(ramp),
                        utilisation,
                        pue: Pue::new(Decimal::new(i64::from(pue), 2)).unwrap(),
                        power_price: PowerPrice::per_mwh(Money::from_dollars(Decimal::from(price))),
                        accelerator_power: Watts::new(Decimal::from(watts)),
                        capital_cost: CostPerGigawatt::new(capex),
                    },
                    context: Context {
                        burn_per_year: context.0,
                        total_commitments: context.1,
                        coreweave: context.2,
                        anthropic: context.3,
                    },
                    discount_rate,
                }
            },
        )
}

fn doubled(scenario: &Scenario) -> Scenario {
    let twice = |m: Money| m.checked_add(m).unwrap();
    let mut out = scenario.clone();
    out.tranches
        .iter_mut()
        .for_each(|t| t.amount = twice(t.amount));
    out.agreements
        .iter_mut()
        .for_each(|a| a.total = twice(a.total));
    let c = &mut out.context;
    (
        c.burn_per_year,
        c.total_commitments,
        c.coreweave,
        c.anthropic,
    ) = (
        twice(c.burn_per_year),
        twice(c.total_commitments),
        twice(c.coreweave),
        twice(c.anthropic),
    );
    out.compute.capital_cost = CostPerGigawatt::new(twice(out.compute.capital_cost.money()));
    out.compute.power_price = PowerPrice::per_mwh(twice(out.compute.power_price.money_per_mwh()));
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn schedules_sum_exactly_to_their_totals(scenario in scenario()) {
        let outcome = Outcome::compute(&scenario).unwrap();
        for (index, agreement) in scenario.agreements.iter().enumerate() {
            let spent = Money::checked_sum(outcome.schedule.months.iter().map(|m| m.spend[index])).unwrap();
            prop_assert_eq!(spent, agreement.total);
        }
        let years = outcome.schedule.by_year().unwrap();
        let by_year = Money::checked_sum(years.iter().map(|y| y.spend_total)).unwrap();
        prop_assert_eq!(Some(by_year), Money::checked_sum(scenario.agreements.iter().map(|a| a.total)));
    }

    #[test]
    fn expected_is_at_most_nominal_and_present_value_at_most_nominal(scenario in scenario()) {
        let metrics = Outcome::compute(&scenario).unwrap().metrics;
        let get = |key| metrics.get(key).unwrap();
        prop_assert!(get(MetricKey::InvestmentExpected) <= get(MetricKey::InvestmentTotal));
        prop_assert!(get(MetricKey::InvestmentPv) <= get(MetricKey::InvestmentExpected));
        prop_assert!(get(MetricKey::InfrastructurePv) <= get(MetricKey::InfrastructureTotal));
    }

    #[test]
    fn doubling_every_amount_doubles_every_money_metric(scenario in scenario()) {
        let once = Outcome::compute(&scenario).unwrap().metrics;
        let twice = Outcome::compute(&doubled(&scenario)).unwrap().metrics;
        for key in MetricKey::ALL.iter().copied().filter(|k| matches!(k.unit(), Unit::Money)) {
            let (Some(a), Some(b)) = (once.get(key), twice.get(key)) else { continue };
            // Sums double exactly; products (probabilities, discount factors, GW) are rounded to the cent once,
            // so their doubles may differ by a cent.
            let exact = [MetricKey::InvestmentTotal, MetricKey::InfrastructureTotal, MetricKey::AmazonNetNominal];
            let tolerance = if exact.contains(&key) { Decimal::ZERO } else { Decimal::new(2, 2) };
            prop_assert!((b - a * Decimal::TWO).abs() <= tolerance, "{}: {} vs {}", key.key(), a, b);
        }
    }

    #[test]
    fn link_round_trip_is_the_identity(scenario in scenario()) {
        let query = link::encode(&scenario);
        let decoded = link::decode(&query);
        prop_assert!(decoded.problems.is_empty(), "{:?} from {}", decoded.problems, query);
        prop_assert_eq!(decoded.scenario, scenario);
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(query in ".{0,300}") {
        let decoded = link::decode(&query);
        prop_assert!(Outcome::compute(&decoded.scenario).is_ok());
    }

    #[test]
    fn decoding_link_shaped_text_never_panics(query in "([tav][0-9]{1,2}|tn|an|burn|rate|v)=[-~0-9A-Za-z.,%]{0,30}(&([tav][0-9]{1,2}|tn|an|burn|rate)=[-~0-9A-Za-z.,%]{0,30}){0,8}") {
        let decoded = link::decode(&query);
        prop_assert!(Outcome::compute(&decoded.scenario).is_ok());
    }

    #[test]
    fn parsing_any_amount_text_never_panics(text in "\\PC{0,40}") {
        let _ = parse::parse_money(&text, parse::Scale::Billions);
        let _ = parse::parse_month(&text);
        let _ = parse::parse_share(&text);
        let _ = parse::parse_gigawatts(&text);
    }
}

#[test]
fn the_longest_scenario_link_stays_under_2000_characters() {
    let mut scenario = Scenario::reported();
    scenario.tranches = (0..12)
        .map(|i| Tranche {
            id: i,
            label: format!("Tranche number {}", i + 1),
            amount: Money::from_dollars(Decimal::new(123_456_789_012 + i64::from(i), 2)),
            paid: YearMonth::new(2031, (i % 12 + 1) as u8).unwrap(),
            probability: Share::new(Decimal::new(375, 3)).unwrap(),
            lapses: YearMonth::new(2033, 6),
        })
        .collect();
    scenario.agreements = (0..8)
        .map(|i| Agreement {
            id: i,
            label: format!("Agreement number {}", i + 1),
            total: Money::from_dollars(Decimal::new(98_765_432_100 + i64::from(i), 2)),
            start: YearMonth::new(2029, (i + 1) as u8).unwrap(),
            term: Months::new(101),
            capacity: Some(Gigawatts::new(Decimal::new(1234, 3))),
            curve: Curve::Custom((1..=9).map(Decimal::from).collect()),
        })
        .collect();
    scenario.compute.ramp = Months::new(30);
    scenario.compute.utilisation = Share::new(Decimal::new(65, 2)).unwrap();
    scenario.compute.pue = Pue::new(Decimal::new(13, 1)).unwrap();
    scenario.compute.power_price = PowerPrice::per_mwh(Money::from_dollars(Decimal::new(955, 1)));
    scenario.compute.accelerator_power = Watts::new(Decimal::from(1500));
    scenario.compute.capital_cost = CostPerGigawatt::new(Money::billions(45));
    scenario.context = Context {
        burn_per_year: Money::billions(25),
        total_commitments: Money::billions(1400),
        coreweave: Money::billions(30),
        anthropic: Money::billions(12),
    };
    scenario.discount_rate = Share::new(Decimal::new(95, 3)).unwrap();
    let query = link::encode(&scenario);
    assert!(query.len() < 2000, "{} characters: {query}", query.len());
    assert_eq!(link::decode(&query).scenario, scenario);
}

#[test]
fn a_100_kb_link_is_decoded_or_refused_quickly_and_without_panic() {
    let huge = format!(
        "v=1&{}",
        (1..10_000)
            .map(|i| format!("t{i}=~1B"))
            .collect::<Vec<_>>()
            .join("&")
    );
    assert!(huge.len() > 60_000);
    let decoded = link::decode(&huge);
    assert_eq!(decoded.scenario.tranches.len(), 12);
    let padding = "x".repeat(100_000);
    let decoded = link::decode(&format!("t1=~{padding}"));
    assert_eq!(decoded.problems.len(), 1);
}
