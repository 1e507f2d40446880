//! The compact view for an iframe in an article: headline totals, one chart, a few key inputs (or none), and a
//! link that opens the full calculator on the same scenario.

use std::rc::Rc;

use yew::prelude::*;

use super::field::{Amount, Capacity, Field};
use super::share::scenario_address;
use super::totals::{announcement, Totals};
use crate::model::edit::{AgreementEdit, Edit, TrancheEdit};
use crate::model::metrics::{MetricKey, Metrics};
use crate::model::scenario::{sources, Scenario};

/// Each key input moves at least one of these, so no input in an article seems to do nothing: the tranches
/// the investment and the net, the expansion the AWS spend, the net and the spend per GW, the capacity the
/// spend per GW.
const EMBED_METRICS: [MetricKey; 4] = [
    MetricKey::InvestmentTotal,
    MetricKey::InfrastructureTotal,
    MetricKey::AmazonNetNominal,
    MetricKey::SpendPerGw,
];

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub scenario: Rc<Scenario>,
    pub metrics: Rc<Metrics>,
    /// The figures the live region announces (see [`announcement`]).
    pub announced: Rc<Metrics>,
    pub chart: Html,
    pub controls: bool,
    /// The scenario's query as of the reader's last pause in typing, without `?`.
    pub query: AttrValue,
    /// Brings `query` up to the scenario as it is now, as the share panel does: the link to the full calculator
    /// catches up when a pointer presses it or the focus reaches it, before it is followed.
    pub catch_up: Callback<()>,
    pub on_edit: Callback<Edit>,
    pub generation: u32,
}

#[component]
pub fn EmbedView(props: &EmbedProps) -> Html {
    let reported = Scenario::reported_deal();
    let generation = props.generation;
    // The first row of each reported row's label, as the full page reads rows against the report (see
    // `scenario::counterparts`), so a removed tranche's place is not taken by the next one under the wrong label.
    let scenario = &props.scenario;
    let tranche = |index: usize| {
        let label = &reported.tranches.get(index)?.label;
        scenario.tranches.iter().find(|t| &t.label == label)
    };
    let (upfront, milestones) = (tranche(0), tranche(1));
    let expansion = reported
        .agreements
        .get(1)
        .and_then(|r| scenario.agreements.iter().find(|a| a.label == r.label));
    // Each edits its row by id; a field whose row is gone is not shown, so its callback never runs.
    let id = |row: Option<u32>| row.unwrap_or(u32::MAX);
    let on_upfront = {
        let (on_edit, id) = (props.on_edit.clone(), id(upfront.map(|t| t.id)));
        Callback::from(move |v| on_edit.emit(Edit::Tranche(id, TrancheEdit::Amount(v))))
    };
    let on_milestones = {
        let (on_edit, id) = (props.on_edit.clone(), id(milestones.map(|t| t.id)));
        Callback::from(move |v| on_edit.emit(Edit::Tranche(id, TrancheEdit::Amount(v))))
    };
    let expansion_id = id(expansion.map(|a| a.id));
    let on_expansion = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |v| {
            on_edit.emit(Edit::Agreement(expansion_id, AgreementEdit::Total(v)))
        })
    };
    let on_capacity = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |v| {
            on_edit.emit(Edit::Agreement(expansion_id, AgreementEdit::Capacity(v)))
        })
    };
    html! {
        <div class="embed">
            <header class="embed-head">
                <h1 id={super::TITLE_ID} tabindex="-1">{ "Amazon–OpenAI deal, by the numbers" }</h1>
                <a class="open-full" href={scenario_address(&props.query)} target="_blank" rel="noopener"
                    onpointerdown={props.catch_up.reform(|_| ())} onfocus={props.catch_up.reform(|_| ())}>
                    { "Open full calculator" }<span aria-hidden="true">{ " ↗" }</span>
                    <span class="visually-hidden">{ " (opens in a new tab)" }</span>
                </a>
            </header>
            // Headings a screen reader can jump by, in order under the title (the chart's own is a level 3).
            <h2 class="visually-hidden">{ "Totals" }</h2>
            <Totals metrics={props.metrics.clone()} keys={&EMBED_METRICS[..]} compact=true />
            if props.controls {
                <h2 class="visually-hidden">{ "Key inputs" }</h2>
                <div class="embed-inputs">
                    if let Some(t) = upfront {
                        { Field::<Amount> { id: "embed-upfront".into(), label: "Upfront investment", value: &t.amount, reported: reported.tranches.first().map(|r| &r.amount), provenance: Some(sources::UPFRONT), generation, on_change: &on_upfront }.render() }
                    }
                    if let Some(t) = milestones {
                        { Field::<Amount> { id: "embed-milestones".into(), label: "Milestone payments", value: &t.amount, reported: reported.tranches.get(1).map(|r| &r.amount), provenance: Some(sources::MILESTONES), generation, on_change: &on_milestones }.render() }
                    }
                    if let Some(a) = expansion {
                        { Field::<Amount> { id: "embed-expansion".into(), label: "AWS expansion", value: &a.total, reported: reported.agreements.get(1).map(|r| &r.total), provenance: Some(sources::EXPANSION), generation, on_change: &on_expansion }.render() }
                        { Field::<Capacity> { id: "embed-capacity".into(), label: "Trainium capacity", value: &a.capacity, reported: reported.agreements.get(1).map(|r| &r.capacity), provenance: Some(sources::CAPACITY), generation, on_change: &on_capacity }.render() }
                    }
                </div>
            }
            <h2 class="visually-hidden">{ "Chart" }</h2>
            { props.chart.clone() }
            // An article may embed a scenario of its own (or its reader may change one): the foot must not call it
            // the reported deal.
            <p class="embed-foot">
                { if **scenario == *reported { "Figures as reported in Feb 2026" } else { "A scenario changed from the deal as reported in Feb 2026" } }
                { "; assumptions marked. Source and method in the full calculator." }
            </p>
            // Last, as on the full page: beside the figures, browse mode would read each of them twice.
            { announcement(&props.announced) }
        </div>
    }
}
