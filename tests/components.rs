//! Components mounted into a div in headless Chromium (wasm-bindgen-test): the field component in its valid,
//! invalid and half-typed states, a chart, and the app's headline figures.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use deal_calculator::model::scenario::{sources, Scenario};
use deal_calculator::model::units::Money;
use deal_calculator::model::Outcome;
use deal_calculator::plot::charts;
use deal_calculator::view::chart::{Chart, Drawing};
use deal_calculator::view::field::{Amount, Field, REFUSAL_PAUSE_MS};
use deal_calculator::view::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_point() -> web_sys::Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn settle() {
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

/// Waits out the reader's pause, after which a field says its text is refused.
async fn pause() {
    gloo_timers::future::TimeoutFuture::new(REFUSAL_PAUSE_MS + 50).await;
    settle().await;
}

/// Waits (up to two seconds) for an element the app renders after its first paint.
async fn appears(root: &web_sys::Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("{selector} never appeared");
}

fn query(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

async fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = query(root, selector).dyn_into().unwrap();
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

/// Mounts an amount field in [`AmountHarness`], rendered; returns the element it is in.
async fn amount_field() -> web_sys::Element {
    let root = mount_point();
    yew::Renderer::<AmountHarness>::with_root(root.clone()).render();
    settle().await;
    root
}

/// A parent that holds the value, as the app does, and shows what it received.
#[component]
fn AmountHarness() -> Html {
    let value = use_state(|| Money::billions(15));
    let on_change = {
        let value = value.clone();
        Callback::from(move |money| value.set(money))
    };
    html! {
        <>
            { Field::<Amount> {
                id: "amount".into(),
                label: "Amount",
                value: &value,
                reported: Some(&Money::billions(15)),
                provenance: Some(sources::UPFRONT),
                generation: 0,
                on_change: &on_change,
            }.render() }
            <output id="seen">{ value.dollars().to_string() }</output>
        </>
    }
}

#[wasm_bindgen_test]
async fn a_valid_amount_reaches_the_parent_and_is_echoed() {
    let root = amount_field().await;
    assert_eq!(
        query(&root, "#amount")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value(),
        "15B"
    );
    assert_eq!(query(&root, ".badge").text_content().unwrap(), "reported");
    type_into(&root, "#amount", "$20bn").await;
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "20000000000");
    assert_eq!(
        query(&root, "#amount-note").text_content().unwrap(),
        "= $20 billion"
    );
    assert_eq!(query(&root, ".badge").text_content().unwrap(), "changed");
    assert!(query(&root, ".field").class_name().contains("is-changed"));
    assert_eq!(
        query(&root, "#amount")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn an_invalid_amount_shows_the_message_and_keeps_the_last_value() {
    let root = amount_field().await;
    type_into(&root, "#amount", "-3B").await;
    // No message at the key: the reader may be on the way to a value ("2027-0" of "2027-06"). The note, which
    // is not read out, says at once what the page uses.
    assert_eq!(query(&root, "#amount-error").text_content().unwrap(), "");
    assert_eq!(
        query(&root, "#amount-note").text_content().unwrap(),
        "still using $15 billion"
    );
    pause().await;
    assert_eq!(
        query(&root, "#amount-error").text_content().unwrap(),
        "must not be negative"
    );
    assert_eq!(
        query(&root, "#amount")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "15000000000");
    assert_eq!(
        query(&root, "#amount-note").text_content().unwrap(),
        "still using $15 billion"
    );
    // The reader's text stays in the field so they can fix it.
    assert_eq!(
        query(&root, "#amount")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value(),
        "-3B"
    );
}

#[wasm_bindgen_test]
async fn a_refused_amount_goes_back_to_the_value_before_typing() {
    let root = amount_field().await;
    // Key by key, "11T" passes through "1" and "11", which apply as typed; "11T" itself is over $10T. Typed
    // slowly, as on a phone, a pause after each key: each text still continues the one before it.
    for text in ["1", "11"] {
        type_into(&root, "#amount", text).await;
        pause().await;
    }
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "11000000000");
    type_into(&root, "#amount", "11T").await;
    // Neither prefix is what the reader meant: the value from before the first key is back at once, and the
    // message waits for the pause.
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "15000000000");
    assert_eq!(query(&root, "#amount-error").text_content().unwrap(), "");
    pause().await;
    assert_eq!(
        query(&root, "#amount-error").text_content().unwrap(),
        "amount must be between $0 and $10T"
    );
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "15000000000");
    assert_eq!(
        query(&root, "#amount-note").text_content().unwrap(),
        "still using $15 billion"
    );
    let input: web_sys::HtmlInputElement = query(&root, "#amount").dyn_into().unwrap();
    assert_eq!(input.value(), "11T");
    // Text typed over the field's begins anew: a refusal goes back to the value the page had then.
    type_into(&root, "#amount", "20B").await;
    for text in ["3", "30", "30T"] {
        type_into(&root, "#amount", text).await;
    }
    pause().await;
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "20000000000");
    assert_eq!(
        query(&root, "#amount-note").text_content().unwrap(),
        "still using $20 billion"
    );
}

#[wasm_bindgen_test]
async fn a_text_is_begun_by_leaving_the_field_not_by_a_tab_switch_or_a_typo_put_right() {
    let root = amount_field().await;
    let input: web_sys::HtmlInputElement = query(&root, "#amount").dyn_into().unwrap();
    input.focus().unwrap();
    let blur_and_focus = || {
        for kind in ["blur", "focus"] {
            input
                .dispatch_event(&web_sys::FocusEvent::new(kind).unwrap())
                .unwrap();
        }
    };
    // Away to another tab and back, the field still the page's active element: "11T" continues "11", and goes
    // back to $15B, not to the $11B on the way.
    for text in ["1", "11"] {
        type_into(&root, "#amount", text).await;
    }
    blur_and_focus();
    type_into(&root, "#amount", "11T").await;
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "15000000000");
    // The note says so at once; the message waits for the pause.
    assert_eq!(
        query(&root, "#amount-note").text_content().unwrap(),
        "still using $15 billion"
    );
    // A typo put right continues the text: "2", "25", Backspace, "26", "26T" goes back to $15B, not to the $25B
    // the reader deleted.
    for text in ["2", "25", "2", "26", "26T"] {
        type_into(&root, "#amount", text).await;
    }
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "15000000000");
    // Leaving the field for another element and coming back begins a new text, even typing on at the end: a
    // reader at "20B" who types "0" after it meant to change $20B.
    type_into(&root, "#amount", "20B").await;
    input.blur().unwrap();
    input.focus().unwrap();
    type_into(&root, "#amount", "20B0").await;
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "20000000000");
}

#[wasm_bindgen_test]
async fn text_typed_over_refused_text_goes_back_to_the_same_value() {
    let root = amount_field().await;
    // "11T" is refused before the pause says so; the reader types over it. The page never held $11B past "11",
    // so the new text begins from $15B too.
    for text in ["1", "11", "11T", "x"] {
        type_into(&root, "#amount", text).await;
    }
    pause().await;
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "15000000000");
}

#[wasm_bindgen_test]
async fn a_half_typed_amount_is_not_overwritten() {
    let root = amount_field().await;
    type_into(&root, "#amount", "1.").await;
    // "1." already means $1B: the parent has it, and the text stays as typed.
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "1000000000");
    assert_eq!(
        query(&root, "#amount")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value(),
        "1."
    );
    type_into(&root, "#amount", "").await;
    pause().await;
    assert_eq!(
        query(&root, "#amount-error").text_content().unwrap(),
        "enter a value"
    );
    assert_eq!(
        query(&root, "#amount")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value(),
        ""
    );
    // A key that makes the text a value again takes the message away at once, and one still waiting with it.
    type_into(&root, "#amount", "x").await;
    type_into(&root, "#amount", "2").await;
    assert_eq!(query(&root, "#amount-error").text_content().unwrap(), "");
    pause().await;
    assert_eq!(query(&root, "#amount-error").text_content().unwrap(), "");
    assert_eq!(query(&root, "#seen").text_content().unwrap(), "2000000000");
}

#[derive(Properties, PartialEq)]
struct ChartHarnessProps {
    data: Rc<charts::ChartData>,
}

#[component]
fn ChartHarness(props: &ChartHarnessProps) -> Html {
    html! { <Chart drawing={Drawing::Lines} id="test-chart" data={props.data.clone()} current={Callback::from(|()| AttrValue::default())} /> }
}

#[wasm_bindgen_test]
async fn the_cumulative_chart_draws_lines_a_table_and_a_keyboard_tooltip() {
    let scenario = Scenario::reported();
    let outcome = Outcome::compute(&scenario).unwrap();
    let data = Rc::new(charts::cumulative(&scenario, &outcome));
    let root = mount_point();
    yew::Renderer::<ChartHarness>::with_root_and_props(
        root.clone(),
        ChartHarnessProps { data: data.clone() },
    )
    .render();
    settle().await;
    assert_eq!(
        root.query_selector_all("path.line").unwrap().length() as usize,
        data.series.len()
    );
    assert_eq!(
        query(&root, "h3").text_content().unwrap(),
        "Cumulative money between Amazon and OpenAI"
    );
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length(),
        0,
        "rows appear only when the table opens"
    );
    let details = query(&root, "details");
    details.set_attribute("open", "").unwrap();
    gloo_timers::future::TimeoutFuture::new(50).await;
    settle().await;
    let rows = root.query_selector_all("tbody tr").unwrap().length();
    assert_eq!(rows as usize, data.table_rows.len());
    assert!(root.query_selector(".tooltip").unwrap().is_none());

    let surface: web_sys::HtmlElement = query(&root, ".chart-surface").dyn_into().unwrap();
    surface.focus().unwrap();
    settle().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Home");
    init.set_bubbles(true);
    surface
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    settle().await;
    let tooltip = query(&root, ".tooltip").text_content().unwrap();
    assert!(tooltip.starts_with("Nov 2025"), "{tooltip}");
    assert!(
        tooltip.contains("AWS existing (OpenAI spend): $452M"),
        "{tooltip}"
    );
}

#[wasm_bindgen_test]
async fn the_app_shows_the_reported_totals_as_exact_numbers() {
    let root = mount_point();
    let props = AppProps {
        scenario: Scenario::reported(),
        problems: Vec::new(),
        display: Default::default(),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let value = |key: &str| {
        query(&root, &format!("[data-metric={key}]"))
            .get_attribute("data-value")
            .unwrap()
    };
    assert_eq!(value("investment_total"), "50000000000");
    assert_eq!(value("infrastructure_total"), "138000000000");
    assert_eq!(
        query(&root, "[data-metric=investment_total] dd")
            .text_content()
            .unwrap(),
        "$50B"
    );
    // The headline figures come first; the inputs follow once the browser has painted them.
    appears(&root, "#tranche-0-amount").await;
    type_into(&root, "#tranche-0-amount", "20").await;
    assert_eq!(value("investment_total"), "55000000000");
}
