//! The input groups: Investment (tranches), Infrastructure (agreements), Compute, Context and Assumptions.
//! Each takes the part of the scenario it shows and one `on_edit` callback, so an edit re-renders only the group
//! whose values changed.

use yew::prelude::*;

use super::field::{
    Amount, Capacity, CostPerGw, Field, Label, Month, OptionalMonth, Percent, Power, Price,
    PueRatio, Ramp, Term, Weights,
};
use crate::browser;
use crate::model::edit::{AgreementEdit, Edit, TrancheEdit};
use crate::model::scenario::{
    counterparts, next_id, sources, Agreement, Compute, Context, Curve, Provenance, Scenario,
    Tranche, MAX_AGREEMENTS, MAX_TRANCHES,
};
use crate::model::schedule::year_weights;
use crate::model::units::Share;

/// A callback that wraps a field's value (or a click) into an edit. Plain rather than memoised: the fields
/// compare by value and text, not by callback, so a fresh callback costs nothing, and a hook per field would
/// cost the reader kilobytes of WebAssembly.
fn edit<T: 'static>(on_edit: &Callback<Edit>, make: impl Fn(T) -> Edit + 'static) -> Callback<T> {
    let on_edit = on_edit.clone();
    Callback::from(move |value: T| on_edit.emit(make(value)))
}

/// An Add or Remove button's callback: makes `edit`, then moves focus to the element `then` names once the
/// group has re-rendered (named on the click, so a keystroke's render does not format it). A removed card takes
/// its button, and the focus on it, along: the group's Add button takes it instead, since it is always there and
/// enabled after a removal. A Remove button's click also says what went, from the button's own name (`removes`,
/// "Remove tranche 2: Milestones" said as "Removed tranche 2: Milestones"), since the card and its name leave the
/// page and a screen reader follows the focus to Add.
fn card_edit(
    on_edit: &Callback<Edit>,
    edit: impl Fn() -> Edit + 'static,
    then: impl Fn() -> String + 'static,
    removes: Option<String>,
) -> Callback<MouseEvent> {
    let on_edit = on_edit.clone();
    Callback::from(move |_| {
        on_edit.emit(edit());
        browser::focus_soon(then());
        if let Some(name) = &removes {
            browser::announce("status", name.replacen("Remove", "Removed", 1), false);
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct TranchesProps {
    pub tranches: Vec<Tranche>,
    pub on_edit: Callback<Edit>,
    pub generation: u32,
}

/// Investment: Amazon's payments to OpenAI, one card per tranche.
#[component]
pub fn InvestmentGroup(props: &TranchesProps) -> Html {
    let reported = Scenario::reported_deal();
    // Focus goes to the new card's name, so the reader can type it at once.
    let new_id = next_id(props.tranches.iter().map(|t| t.id));
    let add = card_edit(
        &props.on_edit,
        || Edit::AddTranche,
        move || format!("tranche-{new_id}-label"),
        None,
    );
    let can_remove = props.tranches.len() > 1;
    let full = props.tranches.len() >= MAX_TRANCHES;
    html! {
        <section class="group" aria-labelledby="investment-heading">
            <h2 id="investment-heading">{ "Investment" }<span class="group-note">{ "Amazon → OpenAI" }</span></h2>
            // The cards in a fragment of their own: `for` alone would add them to the section's children beside
            // the heading and the button, a list Yew then matches by position from its end, so adding a card
            // rebuilt every other one and dropped what the reader had typed in it.
            <>
                { for props.tranches.iter().zip(counterparts(&props.tranches, &reported.tranches, |t| &t.label)).enumerate().map(|(index, (tranche, counterpart))| html! {
                    <TrancheRow
                        key={tranche.id}
                        index={index}
                        tranche={tranche.clone()}
                        {counterpart}
                        can_remove={can_remove}
                        on_edit={props.on_edit.clone()}
                        generation={props.generation}
                    />
                }) }
            </>
            <button type="button" class="add" id="add-tranche" onclick={add} disabled={full}>
                { if full { format!("At most {MAX_TRANCHES} tranches") } else { "+ Add tranche".to_string() } }
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TrancheRowProps {
    index: usize,
    tranche: Tranche,
    /// Which reported tranche this one is read against, for its "changed" marks and sources.
    counterpart: Option<usize>,
    can_remove: bool,
    on_edit: Callback<Edit>,
    generation: u32,
}

fn tranche_sources(counterpart: Option<usize>) -> [Option<Provenance>; 4] {
    match counterpart {
        Some(0) => [
            Some(sources::UPFRONT),
            Some(sources::UPFRONT),
            Some(sources::PROBABILITY),
            None,
        ],
        Some(1) => [
            Some(sources::MILESTONES),
            Some(sources::MILESTONES_MONTH),
            Some(sources::PROBABILITY),
            Some(sources::MILESTONES_LAPSE),
        ],
        _ => [None; 4],
    }
}

#[component]
fn TrancheRow(props: &TrancheRowProps) -> Html {
    let id = props.tranche.id;
    let on_label = edit(&props.on_edit, move |v: String| {
        Edit::Tranche(id, TrancheEdit::Label(v))
    });
    let on_amount = edit(&props.on_edit, move |v| {
        Edit::Tranche(id, TrancheEdit::Amount(v))
    });
    let on_paid = edit(&props.on_edit, move |v| {
        Edit::Tranche(id, TrancheEdit::Paid(v))
    });
    let on_probability = edit(&props.on_edit, move |v| {
        Edit::Tranche(id, TrancheEdit::Probability(v))
    });
    let on_lapses = edit(&props.on_edit, move |v| {
        Edit::Tranche(id, TrancheEdit::Lapses(v))
    });
    let t = &props.tranche;
    // The Remove button's name, which its click also says in the past tense (see `card_edit`).
    let remove_name = format!("Remove tranche {}: {}", props.index + 1, t.label);
    let remove = card_edit(
        &props.on_edit,
        move || Edit::RemoveTranche(id),
        || "add-tranche".into(),
        Some(remove_name.clone()),
    );
    let r = props
        .counterpart
        .and_then(|c| Scenario::reported_deal().tranches.get(c));
    let [amount_source, paid_source, probability_source, lapse_source] =
        tranche_sources(props.counterpart);
    let prefix = format!("tranche-{id}");
    let generation = props.generation;
    html! {
        <fieldset class="row-card" data-tranche={id.to_string()}>
            <legend>{ format!("Tranche {}: {}", props.index + 1, t.label) }</legend>
            // Always there, and empty while the tranche pays: a status region, so that a screen reader says why the
            // investment just dropped (a region must be in the page before its words are, to be heard).
            <p class="row-warning" role="status">{ if t.is_lapsed() { "Paid after its lapse date: counts as $0." } else { "" } }</p>
            <div class="row-fields">
                { Field::<Label> { id: format!("{prefix}-label"), label: "Label", value: &t.label, reported: None, provenance: None, generation, on_change: &on_label }.render() }
                { Field::<Amount> { id: format!("{prefix}-amount"), label: "Amount", value: &t.amount, reported: r.map(|r| &r.amount), provenance: amount_source, generation, on_change: &on_amount }.render() }
                { Field::<Month> { id: format!("{prefix}-paid"), label: "Paid in", value: &t.paid, reported: r.map(|r| &r.paid), provenance: paid_source, generation, on_change: &on_paid }.render() }
                { Field::<Percent> { id: format!("{prefix}-probability"), label: "Probability", value: &t.probability, reported: r.map(|r| &r.probability), provenance: probability_source, generation, on_change: &on_probability }.render() }
                { Field::<OptionalMonth> { id: format!("{prefix}-lapses"), label: "Lapses after", value: &t.lapses, reported: r.map(|r| &r.lapses), provenance: lapse_source, generation, on_change: &on_lapses }.render() }
            </div>
            <button type="button" class="remove" onclick={remove} disabled={!props.can_remove}
                aria-label={remove_name}>{ "Remove" }</button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementsProps {
    pub agreements: Vec<Agreement>,
    pub on_edit: Callback<Edit>,
    pub generation: u32,
}

/// Infrastructure: OpenAI's spending commitments with AWS, one card per agreement.
#[component]
pub fn InfrastructureGroup(props: &AgreementsProps) -> Html {
    let reported = Scenario::reported_deal();
    let new_id = next_id(props.agreements.iter().map(|a| a.id));
    let add = card_edit(
        &props.on_edit,
        || Edit::AddAgreement,
        move || format!("agreement-{new_id}-label"),
        None,
    );
    let can_remove = props.agreements.len() > 1;
    let full = props.agreements.len() >= MAX_AGREEMENTS;
    html! {
        <section class="group" aria-labelledby="infrastructure-heading">
            <h2 id="infrastructure-heading">{ "Infrastructure" }<span class="group-note">{ "OpenAI → AWS" }</span></h2>
            // In a fragment of their own, as the tranches are.
            <>
                { for props.agreements.iter().zip(counterparts(&props.agreements, &reported.agreements, |a| &a.label)).enumerate().map(|(index, (agreement, counterpart))| html! {
                    <AgreementRow
                        key={agreement.id}
                        index={index}
                        agreement={agreement.clone()}
                        {counterpart}
                        can_remove={can_remove}
                        on_edit={props.on_edit.clone()}
                        generation={props.generation}
                    />
                }) }
            </>
            <button type="button" class="add" id="add-agreement" onclick={add} disabled={full}>
                { if full { format!("At most {MAX_AGREEMENTS} agreements") } else { "+ Add agreement".to_string() } }
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AgreementRowProps {
    index: usize,
    agreement: Agreement,
    /// Which reported agreement this one is read against, for its "changed" marks and sources.
    counterpart: Option<usize>,
    can_remove: bool,
    on_edit: Callback<Edit>,
    generation: u32,
}

fn agreement_sources(counterpart: Option<usize>) -> [Option<Provenance>; 4] {
    match counterpart {
        Some(0) => [
            Some(sources::EXISTING),
            Some(sources::EXISTING),
            Some(sources::EXISTING),
            Some(sources::EVEN_CURVE),
        ],
        Some(1) => [
            Some(sources::EXPANSION),
            Some(sources::EXPANSION_START),
            Some(sources::EXPANSION),
            Some(sources::CAPACITY),
        ],
        _ => [None; 4],
    }
}

#[component]
fn AgreementRow(props: &AgreementRowProps) -> Html {
    let id = props.agreement.id;
    let on_label = edit(&props.on_edit, move |v: String| {
        Edit::Agreement(id, AgreementEdit::Label(v))
    });
    let on_total = edit(&props.on_edit, move |v| {
        Edit::Agreement(id, AgreementEdit::Total(v))
    });
    let on_start = edit(&props.on_edit, move |v| {
        Edit::Agreement(id, AgreementEdit::Start(v))
    });
    let on_term = edit(&props.on_edit, move |v| {
        Edit::Agreement(id, AgreementEdit::Term(v))
    });
    let on_capacity = edit(&props.on_edit, move |v| {
        Edit::Agreement(id, AgreementEdit::Capacity(v))
    });
    let on_weights = edit(&props.on_edit, move |v| {
        Edit::Agreement(id, AgreementEdit::Curve(v))
    });
    let a = &props.agreement;
    let remove_name = format!("Remove agreement {}: {}", props.index + 1, a.label);
    let remove = card_edit(
        &props.on_edit,
        move || Edit::RemoveAgreement(id),
        || "add-agreement".into(),
        Some(remove_name.clone()),
    );
    let on_curve = {
        let on_edit = props.on_edit.clone();
        let current = a.curve.clone();
        let years = usize::from(a.term.count()).div_ceil(12);
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let curve = match select.value().as_str() {
                "even" => Curve::Even,
                "ramp" => Curve::RampUp,
                "front" => Curve::FrontLoaded,
                "back" => Curve::BackLoaded,
                // Start custom weights from the curve the reader had, so switching changes no number.
                _ => Curve::Custom(year_weights(&current, years.clamp(1, 30))),
            };
            on_edit.emit(Edit::Agreement(id, AgreementEdit::Curve(curve)));
        })
    };
    let r = props
        .counterpart
        .and_then(|c| Scenario::reported_deal().agreements.get(c));
    let [total_source, start_source, term_source, fourth] = agreement_sources(props.counterpart);
    let (capacity_source, curve_source) = match props.counterpart {
        Some(1) => (fourth, Some(sources::BACK_CURVE)),
        _ => (None, fourth),
    };
    let prefix = format!("agreement-{id}");
    let generation = props.generation;
    let curve_changed = r.is_some_and(|r| r.curve != a.curve);
    html! {
        <fieldset class="row-card" data-agreement={id.to_string()}>
            <legend>{ format!("Agreement {}: {}", props.index + 1, a.label) }</legend>
            <div class="row-fields">
                { Field::<Label> { id: format!("{prefix}-label"), label: "Label", value: &a.label, reported: None, provenance: None, generation, on_change: &on_label }.render() }
                { Field::<Amount> { id: format!("{prefix}-total"), label: "Total", value: &a.total, reported: r.map(|r| &r.total), provenance: total_source, generation, on_change: &on_total }.render() }
                { Field::<Month> { id: format!("{prefix}-start"), label: "Starts", value: &a.start, reported: r.map(|r| &r.start), provenance: start_source, generation, on_change: &on_start }.render() }
                { Field::<Term> { id: format!("{prefix}-term"), label: "Term", value: &a.term, reported: r.map(|r| &r.term), provenance: term_source, generation, on_change: &on_term }.render() }
                { Field::<Capacity> { id: format!("{prefix}-capacity"), label: "Capacity", value: &a.capacity, reported: r.map(|r| &r.capacity), provenance: capacity_source, generation, on_change: &on_capacity }.render() }
                <div class={classes!("field", curve_changed.then_some("is-changed"))}>
                    <label for={format!("{prefix}-curve")}>{ "Spend curve" }<span class="unit">{ "by year" }</span></label>
                    <select id={format!("{prefix}-curve")} onchange={on_curve}>
                        { for [Curve::Even, Curve::RampUp, Curve::FrontLoaded, Curve::BackLoaded, Curve::Custom(Vec::new())].iter().map(|c| html! {
                            <option value={c.code()} selected={c.code() == a.curve.code()}>{ c.name() }</option>
                        }) }
                    </select>
                    <div class="field-foot">
                        <span class="echo"></span>
                        if let Some(source) = curve_source {
                            <span class="provenance">
                                <button type="button" class={if curve_changed { "badge changed" } else { "badge assumption" }}
                                    aria-describedby={format!("{prefix}-curve-source")}>
                                    { if curve_changed { "changed" } else { "assumption" } }
                                </button>
                                <span class="source" role="tooltip" id={format!("{prefix}-curve-source")}>{ source.source() }</span>
                            </span>
                        }
                    </div>
                </div>
                if matches!(a.curve, Curve::Custom(_)) {
                    { Field::<Weights> { id: format!("{prefix}-weights"), label: "Weights", value: &a.curve, reported: None, provenance: None, generation, on_change: &on_weights }.render() }
                }
            </div>
            <button type="button" class="remove" onclick={remove} disabled={!props.can_remove}
                aria-label={remove_name}>{ "Remove" }</button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComputeProps {
    pub compute: Compute,
    pub on_edit: Callback<Edit>,
    pub generation: u32,
}

/// Compute: what turns gigawatts into energy, power bills, chips and capital cost.
#[component]
pub fn ComputeGroup(props: &ComputeProps) -> Html {
    let reported = &Scenario::reported_deal().compute;
    let c = &props.compute;
    let generation = props.generation;
    let on_ramp = edit(&props.on_edit, Edit::Ramp);
    let on_utilisation = edit(&props.on_edit, Edit::Utilisation);
    let on_pue = edit(&props.on_edit, Edit::Pue);
    let on_price = edit(&props.on_edit, Edit::PowerPrice);
    let on_watts = edit(&props.on_edit, Edit::AcceleratorPower);
    let on_capex = edit(&props.on_edit, Edit::CapitalCost);
    html! {
        <section class="group" aria-labelledby="compute-heading">
            // These fields change no headline figure: say where what they change shows.
            <h2 id="compute-heading">{ "Compute" }<span class="group-note">{ "shown in More figures and the compute chart" }</span></h2>
            <div class="row-fields">
                { Field::<Ramp> { id: "compute-ramp".into(), label: "Ramp to full capacity", value: &c.ramp, reported: Some(&reported.ramp), provenance: Some(sources::RAMP), generation, on_change: &on_ramp }.render() }
                { Field::<Percent> { id: "compute-utilisation".into(), label: "Utilisation", value: &c.utilisation, reported: Some(&reported.utilisation), provenance: Some(sources::UTILISATION), generation, on_change: &on_utilisation }.render() }
                { Field::<PueRatio> { id: "compute-pue".into(), label: "PUE", value: &c.pue, reported: Some(&reported.pue), provenance: Some(sources::PUE), generation, on_change: &on_pue }.render() }
                { Field::<Price> { id: "compute-price".into(), label: "Power price", value: &c.power_price, reported: Some(&reported.power_price), provenance: Some(sources::POWER_PRICE), generation, on_change: &on_price }.render() }
                { Field::<Power> { id: "compute-watts".into(), label: "Power per accelerator", value: &c.accelerator_power, reported: Some(&reported.accelerator_power), provenance: Some(sources::ACCELERATOR_POWER), generation, on_change: &on_watts }.render() }
                { Field::<CostPerGw> { id: "compute-capex".into(), label: "Capital cost per GW", value: &c.capital_cost, reported: Some(&reported.capital_cost), provenance: Some(sources::CAPITAL_COST), generation, on_change: &on_capex }.render() }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContextProps {
    pub context: Context,
    pub discount_rate: Share,
    pub on_edit: Callback<Edit>,
    pub generation: u32,
}

/// Context (figures that put the deal in proportion) and Assumptions (the discount rate).
#[component]
pub fn ContextGroup(props: &ContextProps) -> Html {
    let reported = Scenario::reported_deal();
    let c = &props.context;
    let generation = props.generation;
    let on_burn = edit(&props.on_edit, Edit::Burn);
    let on_commitments = edit(&props.on_edit, Edit::Commitments);
    let on_coreweave = edit(&props.on_edit, Edit::Coreweave);
    let on_anthropic = edit(&props.on_edit, Edit::Anthropic);
    let on_rate = edit(&props.on_edit, Edit::DiscountRate);
    let r = &reported.context;
    html! {
        <>
            <section class="group" aria-labelledby="context-heading">
                <h2 id="context-heading">{ "Context" }</h2>
                <div class="row-fields">
                    { Field::<Amount> { id: "context-burn".into(), label: "OpenAI's burn per year", value: &c.burn_per_year, reported: Some(&r.burn_per_year), provenance: Some(sources::BURN), generation, on_change: &on_burn }.render() }
                    { Field::<Amount> { id: "context-commitments".into(), label: "OpenAI's total infrastructure commitments", value: &c.total_commitments, reported: Some(&r.total_commitments), provenance: Some(sources::COMMITMENTS), generation, on_change: &on_commitments }.render() }
                    { Field::<Amount> { id: "context-coreweave".into(), label: "CoreWeave arrangement", value: &c.coreweave, reported: Some(&r.coreweave), provenance: Some(sources::COREWEAVE), generation, on_change: &on_coreweave }.render() }
                    { Field::<Amount> { id: "context-anthropic".into(), label: "Amazon's investment in Anthropic", value: &c.anthropic, reported: Some(&r.anthropic), provenance: Some(sources::ANTHROPIC), generation, on_change: &on_anthropic }.render() }
                </div>
            </section>
            <section class="group" aria-labelledby="assumptions-heading">
                <h2 id="assumptions-heading">{ "Assumptions" }<span class="group-note">{ "present values, in More figures" }</span></h2>
                <div class="row-fields">
                    { Field::<Percent> { id: "assumption-rate".into(), label: "Discount rate, per year", value: &props.discount_rate, reported: Some(&reported.discount_rate), provenance: Some(sources::DISCOUNT_RATE), generation, on_change: &on_rate }.render() }
                </div>
            </section>
        </>
    }
}
