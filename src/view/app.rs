//! The root: holds the scenario, computes the outcome once per change, keeps the address bar in step, and lays
//! out the full page or the embed.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{Chart, Drawing};
use super::embed::EmbedView;
use super::inputs::{ComputeGroup, ContextGroup, InfrastructureGroup, InvestmentGroup};
use super::notice::link_notice;
use super::share::SharePanel;
use super::state::{self, Action, AppState};
use super::terms::DealTerms;
use super::totals::{announcement, strip, Totals, DETAIL, HEADLINE};
use crate::browser;
use crate::display::{ChartChoice, Controls, Display, Mode};
use crate::model::link::{self, LinkProblem};
use crate::model::metrics::Metrics;
use crate::model::scenario::Scenario;
use crate::model::{format, Outcome};
use crate::plot::charts;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The scenario the page opens with (from the link).
    pub scenario: Scenario,
    /// Link parameters that could not be used.
    #[prop_or_default]
    pub problems: Vec<LinkProblem>,
    #[prop_or_default]
    pub display: Display,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState {
        scenario: Rc::new(props.scenario.clone()),
        history: None,
        generation: 0,
        refused: 0,
    });
    // Each render, since it costs nothing: fields report refused text through it (see `state::report_refused`).
    state::listen(state.dispatcher());
    let on_edit = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |edit| dispatcher.dispatch(Action::Edit(edit)))
        })
    };
    let on_edit = (*on_edit).clone();
    // Parsed input never makes a scenario that cannot be computed; if one appears anyway, the reader gets the
    // crash notice (with its link back to the reported deal) rather than half a page of stale figures.
    let computed = use_memo(state.scenario.clone(), |scenario| {
        let outcome = Outcome::compute(scenario).unwrap_or_else(|_| {
            browser::show_crash_notice();
            Outcome::empty()
        });
        let metrics = Rc::new(outcome.metrics.clone());
        (Rc::new(outcome), metrics)
    });
    let (outcome, metrics): (Rc<Outcome>, Rc<Metrics>) = (*computed).clone();
    let display = props.display.clone();

    // The address is a projection of the scenario, plus the display options it was opened with. Encoded only
    // when it is written: at once for a whole new scenario, and for edits when the page catches up (below).
    let address = use_memo((), |_| browser::AddressBar::default());
    {
        let address = address.clone();
        use_effect_with((), move |_| address.keep_on_page_hide());
    }
    {
        let display = display.clone();
        let address = address.clone();
        use_effect_with(
            (state.scenario.clone(), state.history),
            move |(scenario, history)| match history {
                Some(how) => {
                    let scenario = scenario.clone();
                    address.write(
                        Box::new(move || {
                            let query = link::encode(&scenario);
                            let display_query = display.to_query();
                            match (query.is_empty(), display_query.is_empty()) {
                                (true, _) => display_query,
                                (false, true) => query,
                                (false, false) => format!("{query}&{display_query}"),
                            }
                        }),
                        *how,
                    );
                }
                None => address.forget(),
            },
        );
    }
    // Back and Forward load the scenario the address holds.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            browser::on_history_change(move |query| {
                dispatcher.dispatch(Action::Load(link::decode(&query).scenario))
            });
        });
    }
    // Theme and mode as attributes on <html>, so CSS alone styles them; the embed reports its height.
    {
        let display = display.clone();
        use_effect_with((), move |_| {
            browser::set_root_attribute("data-theme", display.theme.code());
            if display.mode == Mode::Embed {
                browser::set_root_attribute("data-mode", "embed");
                browser::report_height(display.frame_id.clone(), display.pym_id.clone());
            }
        });
    }

    let scenario = state.scenario.clone();
    let generation = state.generation;
    // The figures the reader is watching paint in the frame of the keystroke. The slower parts of the page (the
    // charts, the live region, the closed detail figures, the share link, the address bar) catch up in the first idle moment on
    // load, once the reader pauses after edits (so a burst of typing redraws them once rather than slowing every
    // key), and at once when the reader reaches for the share panel. Whenever they catch up, they take the
    // scenario as it is then, never one queued before a later edit.
    let shown: Shown = (scenario.clone(), outcome.clone(), metrics.clone());
    let latest = use_mut_ref(|| shown.clone());
    *latest.borrow_mut() = shown;
    let charted = use_state(|| None::<Shown>);
    let catch_up = {
        let charted = charted.clone();
        let latest = latest.clone();
        use_memo((), move |_| {
            Callback::from(move |_: ()| {
                address.flush();
                charted.set(Some(latest.borrow().clone()));
            })
        })
    };
    {
        let catch_up = (*catch_up).clone();
        let first = charted.is_none();
        let pause = use_memo((), |_| browser::AfterPause::default());
        // The outcome follows from the scenario, so the scenario alone says when to catch up.
        use_effect_with(scenario.clone(), move |_| {
            if first {
                browser::when_idle(move || catch_up.emit(()));
            } else {
                pause.run(move || catch_up.emit(()));
            }
        });
    }
    // Leaving the page catches up at once too: a reader who types and goes straight to the address bar to copy
    // it, or to another tab, leaves the address, the charts and the link current.
    {
        let catch_up = (*catch_up).clone();
        use_effect_with((), move |_| browser::on_leave(move || catch_up.emit(())));
    }
    // What Copy and Share hand over: the link of the scenario as it is when they are pressed.
    let current_query = use_memo((), move |_| {
        Callback::from(move |_: ()| AttrValue::from(link::encode(&latest.borrow().0)))
    });
    let settled = use_memo((*charted).clone(), |charted| {
        charted
            .as_ref()
            .map(|(scenario, outcome, metrics)| Settled::new(scenario, outcome, metrics.clone()))
    });
    // Until the first catch-up, the links (the share panel's, the embed's to the full page) and the live region
    // hold what is shown. The link is encoded only where one is built: not in the full page's first render.
    let shared_query = || {
        (*settled).as_ref().map_or_else(
            || AttrValue::from(link::encode(&scenario)),
            |settled| settled.query.clone(),
        )
    };
    let announced = (*settled)
        .as_ref()
        .map_or_else(|| metrics.clone(), |settled| settled.metrics.clone());
    // The detail figures sit in a closed disclosure unless the reader opens it; closed, they follow at the same
    // pause, so a keystroke does not rebuild thirteen figures nobody can see.
    let details_open = use_state(|| false);
    let detail_metrics = if *details_open {
        metrics.clone()
    } else {
        announced.clone()
    };
    let on_details_toggle = {
        let details_open = details_open.clone();
        Callback::from(move |event: Event| details_open.set(browser::is_open(&event)))
    };
    let render_chart = |choice: ChartChoice| match &*settled {
        Some(settled) => settled.charts.render(choice, &current_query),
        None => html! { <div class="chart chart-placeholder" aria-hidden="true"></div> },
    };

    // On the full page, the first render builds the masthead and the headline figures only, and the browser
    // paints them; the inputs and the rest follow in a task after that paint. Building the whole page first kept the
    // figures off screen for the time it takes to create several hundred elements (about 100 ms on a
    // phone-speed CPU). The embed is small enough to build at once.
    let complete = use_state(|| false);
    // The link notice's open flag: the notice is a function of this component's (`notice::link_notice`), and the
    // flag is made before the embed's early return, so both layouts make their hooks in the same order.
    let notice_open = use_state(|| true);
    {
        let complete = complete.clone();
        use_effect_with((), move |_| {
            browser::after_paint(move || complete.set(true))
        });
    }

    if display.mode == Mode::Embed {
        let chart = render_chart(display.chart);
        return html! {
            <>
                { link_notice(&props.problems, &notice_open) }
                <EmbedView scenario={scenario.clone()} metrics={metrics} {announced} chart={chart}
                    controls={display.controls == Controls::Shown} query={shared_query()}
                    catch_up={(*catch_up).clone()} on_edit={on_edit} generation={generation} />
            </>
        };
    }

    let reset = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::Reset))
    };
    // Nothing to reset: said with aria-disabled rather than disabled, so that a keyboard reader who has just
    // pressed Reset keeps focus on it (a disabled button drops focus to the page). A press then changes nothing
    // (see `AppState::nothing_to_reset`).
    let nothing_to_reset = state.nothing_to_reset();
    // Past the inputs' seventy-odd stops in one move, for keyboard readers. Focus moves by script: following the
    // fragment would fire a popstate, which loads the scenario from the address (behind the reader's last edits
    // until the pause), and leave "#results" in the address a reader copies.
    let skip_to_charts = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        browser::focus_at_top(RESULTS_ID);
    });
    html! {
        <div class="page">
            <header class="masthead">
                <h1 id={super::TITLE_ID} tabindex="-1">{ "The Amazon–OpenAI deal, by the numbers" }</h1>
                <p class="summary">
                    { "Amazon invests $50B in OpenAI ($15B upfront, $35B on milestones); OpenAI's $38B AWS agreement grows by $100B over eight years, with about 2 GW of Trainium capacity. Change any figure: the totals, the charts and More figures follow." }
                </p>
            </header>
            { link_notice(&props.problems, &notice_open) }
            // In the page's order, totals come first, then the inputs, then the charts: on a phone (one column)
            // a reader sees the headline figures, then what to change; on a desktop, CSS grid areas put the
            // inputs on the left beside totals and charts.
            <div class="layout">
                <section class="totals" aria-labelledby="totals-heading">
                    <h2 id="totals-heading">{ "Totals" }</h2>
                    <Totals metrics={metrics.clone()} keys={&HEADLINE[..]} />
                    <details class="more-metrics" ontoggle={on_details_toggle}>
                        <summary>{ "More figures: per GW, energy, present values" }</summary>
                        if *complete {
                            <Totals metrics={detail_metrics} keys={&DETAIL[..]} compact=true />
                        }
                        <p class="method">{ format!(
                            "Present values discount each month's flow to {} at the discount rate, compounded monthly. Expected figures weight each tranche by its probability; a tranche paid after its lapse date counts as $0.",
                            outcome.schedule.first_month().map(|m| m.label()).unwrap_or_default()
                        ) }</p>
                    </details>
                </section>
                if *complete {
                    <div class="inputs">
                        <div class="inputs-head">
                            <a class="skip" href="#results" onclick={skip_to_charts}>{ "Skip to the charts" }</a>
                            <p class="legend-note">
                                // Each badge with its words is one inline block, so a line breaks between them, after a
                                // "·"; inside one only when it is wider than the line (a large text size on a phone).
                                <span class="legend-item"><span class="badge reported">{ "reported" }</span>{ "\u{a0}from the report\u{a0}·" }</span>{ " " }
                                <span class="legend-item"><span class="badge assumption">{ "assumption" }</span>{ "\u{a0}our default\u{a0}·" }</span>{ " " }
                                <span class="legend-item"><span class="badge changed">{ "changed" }</span>{ "\u{a0}by you" }</span>
                            </p>
                            <button type="button" class="reset" id="reset" onclick={reset}
                                aria-disabled={nothing_to_reset.then_some("true")}>
                                { "Reset to reported" }
                            </button>
                        </div>
                        // After the head, so that on its way to the top the line never lies over Reset.
                        { strip(&metrics) }
                        <InvestmentGroup tranches={scenario.tranches.clone()} on_edit={on_edit.clone()} {generation} />
                        <InfrastructureGroup agreements={scenario.agreements.clone()} on_edit={on_edit.clone()} {generation} />
                        <ComputeGroup compute={scenario.compute.clone()} on_edit={on_edit.clone()} {generation} />
                        <ContextGroup context={scenario.context.clone()} discount_rate={scenario.discount_rate}
                            on_edit={on_edit.clone()} {generation} />
                    </div>
                    <section class="results" id={RESULTS_ID} tabindex="-1" aria-label="Charts and sharing">
                        { for ChartChoice::ALL.iter().map(|choice| render_chart(*choice)) }
                        <SharePanel query={shared_query()} catch_up={(*catch_up).clone()} current={(*current_query).clone()} />
                    </section>
                }
            </div>
            if *complete {
                <DealTerms />
                <footer class="colophon">
                    <p>{ format!(
                        "Reported figures: Amazon–OpenAI partnership announcement, Feb 2026. Assumptions are marked and can be changed. Money is exact to the cent; display rounds to three significant digits ({}).",
                        format::money(crate::model::units::Money::billions(138))
                    ) }</p>
                </footer>
            }
            // Last in the page, not in the totals: in browse mode a screen reader reads a live region as text, and
            // beside the figures it said each of them twice.
            { announcement(&announced) }
        </div>
    }
}

/// Where the skip link (its href "#results") takes the reader: the charts and the share panel.
const RESULTS_ID: &str = "results";

/// A scenario with its outcome and metrics, as the memo in [`App`] computed them.
type Shown = (Rc<Scenario>, Rc<Outcome>, Rc<Metrics>);

/// The parts of the page that follow the scenario once the reader pauses (see `catch_up` in [`App`]), computed
/// together each time they catch up: the charts, the share link and the live region's figures.
struct Settled {
    charts: ChartSet,
    query: AttrValue,
    metrics: Rc<Metrics>,
}

impl Settled {
    fn new(scenario: &Scenario, outcome: &Outcome, metrics: Rc<Metrics>) -> Settled {
        Settled {
            charts: ChartSet::new(scenario, outcome),
            query: AttrValue::from(link::encode(scenario)),
            metrics,
        }
    }
}

/// The four charts' data for one scenario.
struct ChartSet {
    cumulative: Rc<charts::ChartData>,
    yearly: Rc<charts::ChartData>,
    commitments: Rc<charts::ChartData>,
    compute: Rc<charts::ChartData>,
}

impl ChartSet {
    fn new(scenario: &Scenario, outcome: &Outcome) -> ChartSet {
        ChartSet {
            cumulative: Rc::new(charts::cumulative(scenario, outcome)),
            yearly: Rc::new(charts::yearly_spend(scenario, outcome)),
            commitments: Rc::new(charts::commitments(scenario, outcome)),
            compute: Rc::new(charts::compute(scenario, outcome)),
        }
    }

    /// `current`: the scenario's query as it is when called, for a saved chart's foot.
    fn render(&self, choice: ChartChoice, current: &Callback<(), AttrValue>) -> Html {
        match choice {
            ChartChoice::Cumulative => {
                html! { <Chart key="cumulative" drawing={Drawing::Lines} id="chart-cumulative" data={self.cumulative.clone()} current={current.clone()} /> }
            }
            ChartChoice::Yearly => {
                html! { <Chart key="yearly" drawing={Drawing::Bars} id="chart-yearly" data={self.yearly.clone()} current={current.clone()} /> }
            }
            ChartChoice::Commitments => {
                html! { <Chart key="commitments" drawing={Drawing::Shares} id="chart-commitments" data={self.commitments.clone()} current={current.clone()} /> }
            }
            ChartChoice::Compute => html! {
                <Chart key="compute" drawing={Drawing::Bars} id="chart-compute" data={self.compute.clone()} current={current.clone()} />
            },
        }
    }
}
