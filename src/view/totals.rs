//! The headline figures. Each is an element with `data-metric` and `data-value` (the exact decimal), so tests
//! read numbers, not formatted text; a polite live region tells screen readers what an edit changed.

use std::rc::Rc;
use std::sync::LazyLock;

use yew::prelude::*;

use crate::model::format;
use crate::model::metrics::{MetricKey, Metrics};
use crate::model::scenario::Scenario;
use crate::model::Outcome;

/// The figures a reader sees first, in order. The expected investment is among them: it is the figure a tranche's
/// probability moves, and in More figures a reader who set the milestones to 0% saw no headline change.
pub const HEADLINE: [MetricKey; 9] = [
    MetricKey::InvestmentTotal,
    MetricKey::InfrastructureTotal,
    MetricKey::AmazonNetNominal,
    MetricKey::InvestmentExpected,
    MetricKey::SpendToInvestment,
    MetricKey::ExpansionPerYear,
    MetricKey::RunwayMonths,
    MetricKey::CommitmentsShare,
    MetricKey::AnthropicMultiple,
];

/// The figures the live region announces and the line over the inputs repeats.
const MAIN: [MetricKey; 3] = [
    MetricKey::InvestmentTotal,
    MetricKey::InfrastructureTotal,
    MetricKey::AmazonNetNominal,
];

/// The rest, in a second, smaller grid.
pub const DETAIL: [MetricKey; 13] = [
    MetricKey::InvestmentUpfrontShare,
    MetricKey::CapacityTotal,
    MetricKey::SpendPerGw,
    MetricKey::InfrastructurePerGw,
    MetricKey::InvestmentPerGw,
    MetricKey::CoreweaveShare,
    MetricKey::EnergyTwhPerYear,
    MetricKey::PowerCostPerYear,
    MetricKey::Accelerators,
    MetricKey::CapitalCost,
    MetricKey::InvestmentPv,
    MetricKey::InfrastructurePv,
    MetricKey::AmazonNetPv,
];

#[derive(Properties, PartialEq)]
pub struct TotalsProps {
    pub metrics: Rc<Metrics>,
    pub keys: &'static [MetricKey],
    #[prop_or_default]
    pub compact: bool,
}

fn metric_tile(metrics: &Metrics, key: MetricKey) -> Html {
    let value = metrics.get(key);
    let shown = format::metric(key, value);
    // Compared as shown, so a figure that rounds to the reported one does not say "reported" beside itself.
    // The line is always there, empty while the figure matches, so a figure that starts to differ as the reader
    // types moves nothing below it (the inputs, on a phone).
    let was = reported_line(key).filter(|(reported, _)| *reported != shown);
    html! {
        <div class="metric" data-metric={key.key()} data-value={value.map(|v| v.normalize().to_string()).unwrap_or_default()}>
            <dt>{ key.label() }</dt>
            <dd>{ shown }</dd>
            <dd class="was" aria-hidden={was.is_none().then_some("true")}>{ was.map(|(_, line)| line.as_str()).unwrap_or_default() }</dd>
        </div>
    }
}

/// A figure of the reported deal as shown, and the line that says so under a changed figure ("reported: $50B", or
/// "default: 14 TWh/yr" where the figure rests on an assumption). Built once, on the
/// first render, rather than formatted again for every figure on every keystroke.
fn reported_line(key: MetricKey) -> Option<&'static (String, String)> {
    static REPORTED: LazyLock<Vec<(MetricKey, (String, String))>> = LazyLock::new(|| {
        let metrics = Outcome::compute(Scenario::reported_deal())
            .unwrap_or_else(|_| Outcome::empty())
            .metrics;
        MetricKey::ALL
            .iter()
            .map(|key| {
                let shown = format::metric(*key, metrics.get(*key));
                let line = format!(
                    "{}: {shown}",
                    if key.assumed() { "default" } else { "reported" }
                );
                (*key, (shown, line))
            })
            .collect()
    });
    REPORTED
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, texts)| texts)
}

/// A grid of metrics.
#[component]
pub fn Totals(props: &TotalsProps) -> Html {
    html! {
        <dl class={classes!("metrics", props.compact.then_some("compact"))}>
            { for props.keys.iter().map(|key| metric_tile(&props.metrics, *key)) }
        </dl>
    }
}

/// The polite live region that tells screen readers what an edit did to the main figures. It is given the
/// figures once the reader pauses, so typing "150" is announced once rather than once per digit, and it holds
/// them from the first render, so opening the page announces nothing. A function rather than a component: the
/// text is three figures, and a component would cost more WebAssembly than rebuilding it per render costs time.
pub fn announcement(metrics: &Metrics) -> Html {
    let text = MAIN
        .iter()
        .map(|key| {
            // A comma: "Amazon's net: AWS spend minus investment" has a colon of its own.
            format!(
                "{}, {}",
                key.label(),
                format::metric(*key, metrics.get(*key))
            )
        })
        .collect::<Vec<_>>()
        .join(". ");
    html! {
        <p class="visually-hidden" aria-live="polite" aria-atomic="true" id="totals-announcement">{ text }</p>
    }
}

/// The main figures in one line that stays at the top of the inputs while the reader scrolls through them, shown
/// once the totals (More figures included) are scrolled away (the root's `data-totals-away`, which `web/boot.js`
/// sets): on a phone the totals are far above most fields, and an edit there otherwise shows no result on screen.
/// Hidden from screen readers, which hear the same figures from [`announcement`].
pub fn strip(metrics: &Metrics) -> Html {
    let figure = |key| format::metric(key, metrics.get(key));
    let [investment, spend, net] = MAIN;
    html! {
        <div class="strip" aria-hidden="true">
            <p>
                { "Investment\u{a0}" }<b>{ figure(investment) }</b>
                { " · AWS\u{a0}spend\u{a0}" }<b>{ figure(spend) }</b>
                { " · Net\u{a0}" }<b>{ figure(net) }</b>
            </p>
        </div>
    }
}
