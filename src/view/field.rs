//! One field component for every value a reader can type. It keeps the reader's own text while they type, so a
//! half-typed "1." is never overwritten; it passes a value up only when the model's parser accepts the text, and
//! otherwise passes up the value the field had before the reader began the text: typed key by key, a refused
//! "11T" passes through "1" and "11", which apply as they are typed, and neither is what the reader meant. The
//! parser's message waits for the reader to pause ([`REFUSAL_PAUSE_MS`]); an accepted text clears it at once, and a
//! message already shown stays, while the text is still refused, until the next pause says what is wrong now. The
//! page counts the field as refused (and offers Reset for it) from the same moment it says so.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::state;
use crate::browser;

use crate::model::format;
use crate::model::parse::{self, ParseError, Scale, SpanUnit};
use crate::model::scenario::{Curve, Provenance, RAMP_BOUNDS, TERM_BOUNDS};
use crate::model::units::{
    CostPerGigawatt, Gigawatts, Money, Months, PowerPrice, Pue, Share, Watts, YearMonth,
};

/// What a field holds: how its text parses, how a value is written back into it, and how the field confirms
/// what it understood ("= $15 billion").
pub trait Kind: PartialEq + 'static {
    type Value: Clone + PartialEq + 'static;
    /// # Errors
    /// The model parser's error, shown beside the field.
    fn parse(text: &str) -> Result<Self::Value, ParseError>;
    fn edit_text(value: &Self::Value) -> String;
    fn echo(value: &Self::Value) -> String;
    /// The unit shown after the label.
    fn unit() -> &'static str {
        ""
    }
    /// Which keyboard phones show.
    fn input_mode() -> &'static str {
        "decimal"
    }
}

/// Money in a field where a bare number means billions.
#[derive(PartialEq)]
pub struct Amount;
impl Kind for Amount {
    type Value = Money;
    fn parse(text: &str) -> Result<Money, ParseError> {
        parse::parse_money(text, Scale::Billions)
    }
    fn edit_text(value: &Money) -> String {
        format::money_token(*value)
    }
    fn echo(value: &Money) -> String {
        format::money_words(*value)
    }
    fn unit() -> &'static str {
        "US$, e.g. 15B or 350M"
    }
    fn input_mode() -> &'static str {
        "text"
    }
}

/// Capital cost per gigawatt, in billions.
#[derive(PartialEq)]
pub struct CostPerGw;
impl Kind for CostPerGw {
    type Value = CostPerGigawatt;
    fn parse(text: &str) -> Result<CostPerGigawatt, ParseError> {
        Amount::parse(text).map(CostPerGigawatt::new)
    }
    fn edit_text(value: &CostPerGigawatt) -> String {
        Amount::edit_text(&value.money())
    }
    fn echo(value: &CostPerGigawatt) -> String {
        format!("{} per GW", format::money_words(value.money()))
    }
    fn unit() -> &'static str {
        "US$ per GW"
    }
    fn input_mode() -> &'static str {
        "text"
    }
}

/// Electricity price in dollars per MWh.
#[derive(PartialEq)]
pub struct Price;
impl Kind for Price {
    type Value = PowerPrice;
    fn parse(text: &str) -> Result<PowerPrice, ParseError> {
        parse::parse_money(text, Scale::Dollars).map(PowerPrice::per_mwh)
    }
    fn edit_text(value: &PowerPrice) -> String {
        format::number_token(value.money_per_mwh().dollars())
    }
    fn echo(value: &PowerPrice) -> String {
        format!("{} per MWh", format::money_words(value.money_per_mwh()))
    }
    fn unit() -> &'static str {
        "US$ per MWh"
    }
}

/// A probability, utilisation or rate.
#[derive(PartialEq)]
pub struct Percent;
impl Kind for Percent {
    type Value = Share;
    fn parse(text: &str) -> Result<Share, ParseError> {
        parse::parse_share(text)
    }
    fn edit_text(value: &Share) -> String {
        format::share_token(*value)
    }
    fn echo(value: &Share) -> String {
        // A bare number is a percentage, as in links: "0.6" is 0.6%. A reader who meant the fraction reads, beside
        // it, what to type for that.
        let percent = value.as_percent();
        match Share::new(percent) {
            Some(meant) if percent > Decimal::ZERO && percent < Decimal::ONE => {
                format!("{value}; for {meant}, type {}", meant.as_percent())
            }
            _ => value.to_string(),
        }
    }
    fn unit() -> &'static str {
        "%"
    }
}

#[derive(PartialEq)]
pub struct Month;
impl Kind for Month {
    type Value = YearMonth;
    fn parse(text: &str) -> Result<YearMonth, ParseError> {
        parse::parse_month(text)
    }
    fn edit_text(value: &YearMonth) -> String {
        value.to_string()
    }
    fn echo(value: &YearMonth) -> String {
        value.label()
    }
    fn unit() -> &'static str {
        "year-month"
    }
    fn input_mode() -> &'static str {
        "text"
    }
}

/// A month that may be left empty ("no lapse date").
#[derive(PartialEq)]
pub struct OptionalMonth;
impl Kind for OptionalMonth {
    type Value = Option<YearMonth>;
    fn parse(text: &str) -> Result<Option<YearMonth>, ParseError> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        parse::parse_month(text).map(Some)
    }
    fn edit_text(value: &Option<YearMonth>) -> String {
        value.map(|m| m.to_string()).unwrap_or_default()
    }
    fn echo(value: &Option<YearMonth>) -> String {
        value.map_or_else(
            || "never lapses".to_string(),
            |m| format!("lapses after {}", m.label()),
        )
    }
    fn unit() -> &'static str {
        "empty for none"
    }
    fn input_mode() -> &'static str {
        "text"
    }
}

/// An agreement's term; a bare number is years.
#[derive(PartialEq)]
pub struct Term;
impl Kind for Term {
    type Value = Months;
    fn parse(text: &str) -> Result<Months, ParseError> {
        parse::parse_span(text, SpanUnit::Years, TERM_BOUNDS.0, TERM_BOUNDS.1)
    }
    fn edit_text(value: &Months) -> String {
        if value.count().is_multiple_of(12) {
            (value.count() / 12).to_string()
        } else {
            format::span_token(*value)
        }
    }
    fn echo(value: &Months) -> String {
        format::span(*value)
    }
    fn unit() -> &'static str {
        "years"
    }
}

/// The ramp to full capacity; a bare number is months.
#[derive(PartialEq)]
pub struct Ramp;
impl Kind for Ramp {
    type Value = Months;
    fn parse(text: &str) -> Result<Months, ParseError> {
        parse::parse_span(text, SpanUnit::Months, RAMP_BOUNDS.0, RAMP_BOUNDS.1)
    }
    fn edit_text(value: &Months) -> String {
        value.count().to_string()
    }
    fn echo(value: &Months) -> String {
        format::span(*value)
    }
    fn unit() -> &'static str {
        "months"
    }
}

/// Capacity that may be left empty (an agreement without a named capacity).
#[derive(PartialEq)]
pub struct Capacity;
impl Kind for Capacity {
    type Value = Option<Gigawatts>;
    fn parse(text: &str) -> Result<Option<Gigawatts>, ParseError> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        parse::parse_gigawatts(text).map(Some)
    }
    fn edit_text(value: &Option<Gigawatts>) -> String {
        value
            .map(|gw| format::number_token(gw.value()))
            .unwrap_or_default()
    }
    fn echo(value: &Option<Gigawatts>) -> String {
        // Exact, as the money echo is: the reader checks what was read ("1234 MW" = 1.234 GW), not a rounding.
        value.map_or_else(
            || "no capacity named".to_string(),
            |gw| format!("{} GW", format::number_token(gw.value())),
        )
    }
    fn unit() -> &'static str {
        "GW, empty for none"
    }
}

#[derive(PartialEq)]
pub struct PueRatio;
impl Kind for PueRatio {
    type Value = Pue;
    fn parse(text: &str) -> Result<Pue, ParseError> {
        let ratio = parse::parse_ratio(text, Decimal::ONE, Decimal::from(3u8))?;
        Pue::new(ratio).ok_or(ParseError::RatioOutOfRange { min: "1", max: "3" })
    }
    fn edit_text(value: &Pue) -> String {
        format::number_token(value.ratio())
    }
    fn echo(value: &Pue) -> String {
        format!("{}× the IT power", format::number_token(value.ratio()))
    }
    fn unit() -> &'static str {
        "ratio"
    }
}

#[derive(PartialEq)]
pub struct Power;
impl Kind for Power {
    type Value = Watts;
    fn parse(text: &str) -> Result<Watts, ParseError> {
        parse::parse_watts(text).map(Watts::new)
    }
    fn edit_text(value: &Watts) -> String {
        format::number_token(value.value())
    }
    fn echo(value: &Watts) -> String {
        format!("{} W", format::plain(value.value()))
    }
    fn unit() -> &'static str {
        "W per accelerator"
    }
}

#[derive(PartialEq)]
pub struct Label;
impl Kind for Label {
    type Value = String;
    fn parse(text: &str) -> Result<String, ParseError> {
        parse::parse_label(text)
    }
    fn edit_text(value: &String) -> String {
        value.clone()
    }
    fn echo(_: &String) -> String {
        String::new()
    }
    fn input_mode() -> &'static str {
        "text"
    }
}

/// Per-year weights of a custom curve.
#[derive(PartialEq)]
pub struct Weights;
impl Kind for Weights {
    type Value = Curve;
    fn parse(text: &str) -> Result<Curve, ParseError> {
        // Weights only: the curve's menu beside the field chooses the named curves.
        parse::parse_weights(text).map(Curve::Custom)
    }
    fn edit_text(value: &Curve) -> String {
        match value {
            Curve::Custom(weights) => weights
                .iter()
                .map(|w| format::number_token(*w))
                .collect::<Vec<_>>()
                .join(","),
            other => other.code().to_string(),
        }
    }
    fn echo(value: &Curve) -> String {
        // The weights as read: "1,,2" is 1 and 2. (The field shows only for custom weights.)
        format!("{} by year", Weights::edit_text(value))
    }
    fn unit() -> &'static str {
        "one weight per year, e.g. 1,2,3; the last repeats"
    }
    fn input_mode() -> &'static str {
        "text"
    }
}

/// One field, described by what it shows; [`Field::render`] turns it into a [`FieldView`].
///
/// Not a component of its own: a generic component is compiled once per kind of value, and thirteen kinds of
/// fields would cost the reader several kilobytes of WebAssembly for the same markup.
pub struct Field<'a, K: Kind> {
    /// The input's id; also the prefix of its note's and error's ids.
    pub id: String,
    pub label: &'static str,
    /// The value the page computes with.
    pub value: &'a K::Value,
    /// The value in the deal as reported, if this field has one; a different value is marked "changed".
    pub reported: Option<&'a K::Value>,
    /// Where the reported value comes from.
    pub provenance: Option<Provenance>,
    /// Bumped when the whole scenario is replaced, so that invalid text the reader left is dropped too.
    pub generation: u32,
    pub on_change: &'a Callback<K::Value>,
}

/// Parses text and writes the value back the field's way ("15,000M" → "15B"), or gives the parser's message.
fn canonical<K: Kind>(text: &str) -> Result<AttrValue, AttrValue> {
    K::parse(text)
        .map(|value| AttrValue::from(K::edit_text(&value)))
        .map_err(|error| AttrValue::from(error.to_string()))
}

impl<K: Kind> Field<'_, K> {
    pub fn render(self) -> Html {
        let changed = self.reported.is_some_and(|reported| reported != self.value);
        let reported_text = self.reported.filter(|_| changed).map(K::edit_text);
        let on_change = self.on_change.clone();
        let on_text = Callback::from(move |text: String| {
            if let Ok(value) = K::parse(&text) {
                on_change.emit(value);
            }
        });
        field_view(FieldViewProps {
            id: AttrValue::from(self.id),
            label: self.label,
            unit: K::unit(),
            input_mode: K::input_mode(),
            value_text: AttrValue::from(K::edit_text(self.value)),
            echo: AttrValue::from(K::echo(self.value)),
            changed,
            badge: self
                .provenance
                .map(|provenance| Badge::new(provenance, changed, reported_text)),
            generation: self.generation,
            canonical: Canonical(canonical::<K>),
            on_text: TextHandler(on_text),
        })
    }
}

/// The part of [`Field::render`] that does not depend on the kind of value, compiled once rather than once per
/// kind.
fn field_view(props: FieldViewProps) -> Html {
    let key = props.id.to_string();
    html! { <FieldView key={key} ..props /> }
}

/// The parse-and-rewrite function of a field's kind. Equal when the kind is, which is all the view compares.
#[derive(Clone, Copy)]
pub struct Canonical(fn(&str) -> Result<AttrValue, AttrValue>);

impl PartialEq for Canonical {
    fn eq(&self, other: &Canonical) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

/// Passes valid text up. Always equal: it is rebuilt on every render from the parent's `on_change`, which for
/// a given field id always makes the same edit (the row id and the kind of edit are fixed), so comparing it
/// would only force re-renders that change nothing.
#[derive(Clone)]
pub struct TextHandler(Callback<String>);

impl PartialEq for TextHandler {
    fn eq(&self, _: &TextHandler) -> bool {
        true
    }
}

/// How a field marks its value's provenance.
#[derive(Clone, PartialEq)]
pub struct Badge {
    class: &'static str,
    word: &'static str,
    detail: AttrValue,
}

impl Badge {
    /// `reported` is the reported value as the field writes it, given when the reader changed it.
    fn new(provenance: Provenance, changed: bool, reported: Option<String>) -> Badge {
        let (class, word) = match (changed, provenance.is_assumption()) {
            (true, _) => ("badge changed", "changed"),
            (false, true) => ("badge assumption", "assumption"),
            (false, false) => ("badge reported", "reported"),
        };
        let detail = match reported {
            // An assumption's value was not reported: it is the calculator's default.
            Some(reported) => format!(
                "{}. {} value: {reported}.",
                provenance.source(),
                if provenance.is_assumption() {
                    "Default"
                } else {
                    "Reported"
                }
            ),
            None => provenance.source().to_string(),
        };
        Badge {
            class,
            word,
            detail: detail.into(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldViewProps {
    id: AttrValue,
    label: &'static str,
    unit: &'static str,
    input_mode: &'static str,
    /// The value the page computes with, as the field writes it.
    value_text: AttrValue,
    echo: AttrValue,
    changed: bool,
    badge: Option<Badge>,
    generation: u32,
    canonical: Canonical,
    on_text: TextHandler,
}

/// How long text the parser refuses waits, after the reader's last key, before the field says so: a value on its
/// way ("2027-0" of "2027-06", "Jun 2" of "Jun 2027") is not called wrong, nor read out to a screen reader, at
/// every key.
pub const REFUSAL_PAUSE_MS: u32 = 800;

/// What a field keeps between renders, read when its effect runs: state handles captured at render time can be a
/// keystroke behind, and comparing against them would overwrite text the reader is still typing.
struct Typing {
    /// What the reader last typed.
    typed: String,
    /// What this field last passed up.
    emitted: Option<AttrValue>,
    /// The generation it last saw.
    generation: u32,
    /// The refusal waiting for the pause; the next key, an accepted text or a replaced value drops it.
    refusal: Option<gloo::timers::callback::Timeout>,
    /// The value the page computed with before the reader began the text in the field, which refused text goes
    /// back to. Typing on at the end, however slowly, continues a text, and so does deleting from its end (a typo
    /// put right); typing over a selection or inside the text begins a new one, and so does the first key after
    /// the reader left the field (one back at "20B" who types "0" after it meant to change $20B).
    before: AttrValue,
    /// Set when the reader leaves the field for another element: the next key begins the text.
    left: bool,
}

/// The markup and typing logic of every field. See the module note.
#[component]
pub fn FieldView(props: &FieldViewProps) -> Html {
    let text = use_state(|| props.value_text.to_string());
    let error = use_state(|| None::<AttrValue>);
    let typing = use_mut_ref(|| Typing {
        typed: props.value_text.to_string(),
        emitted: None,
        generation: props.generation,
        refusal: None,
        before: props.value_text.clone(),
        left: false,
    });

    {
        let text = text.clone();
        let error = error.clone();
        let typing = typing.clone();
        let canonical = props.canonical;
        use_effect_with(
            (props.value_text.clone(), props.generation),
            move |(value_text, generation)| {
                let mut typing = typing.borrow_mut();
                let replaced = typing.generation != *generation;
                typing.generation = *generation;
                // A value this field passed up itself never rewrites its text: the reader may have typed on since.
                // Nor does text that already means the value ("1." while typing "1.5"). After the reader's own
                // keystrokes the first already holds, and the text is not parsed; a replaced value (Reset, Back)
                // parses it for nothing, which costs less module than saying so.
                let kept = typing.emitted.as_ref() == Some(value_text)
                    || (canonical.0)(&typing.typed).as_ref() == Ok(value_text);
                if replaced || !kept {
                    typing.typed = value_text.to_string();
                    typing.emitted = None;
                    typing.refusal = None;
                    typing.before = value_text.clone();
                    drop(typing);
                    text.set(value_text.to_string());
                    error.set(None);
                }
            },
        );
    }

    // Refused text has put the value from before it back at once: the note says so from then, though the
    // message waits for the pause.
    let refused = typing.borrow().refusal.is_some();
    let onblur = {
        let typing = typing.clone();
        // Not after a tab or window switch: a key after the reader comes back continues the text.
        Callback::from(move |event: FocusEvent| {
            if browser::left_for_another(&event) {
                typing.borrow_mut().left = true;
            }
        })
    };
    let oninput = {
        let text = text.clone();
        let error = error.clone();
        let canonical = props.canonical;
        let on_text = props.on_text.0.clone();
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let entered = input.value();
            // Borrowed in this block only, not across the call that passes a value up: this field's effect borrows
            // it too.
            let (accepted, passed) = {
                let mut typing = typing.borrow_mut();
                // A text begun starts from the page's value now: what this field last passed up. If it passed
                // nothing up since the value came from outside, the effect set `before` to that value then.
                let continued = entered.starts_with(typing.typed.as_str())
                    || typing.typed.starts_with(entered.as_str());
                if typing.left || !continued {
                    if let Some(now) = typing.emitted.clone() {
                        typing.before = now;
                    }
                }
                typing.left = false;
                typing.typed = entered.clone();
                match (canonical.0)(&entered) {
                    Ok(value_text) => {
                        typing.refusal = None;
                        typing.emitted = Some(value_text);
                        (true, entered.clone())
                    }
                    Err(problem) => {
                        let error = error.clone();
                        typing.refusal = Some(browser::later(REFUSAL_PAUSE_MS, move || {
                            error.set(Some(problem));
                        }));
                        // The value from before the text, passed up as this field's own, so the reader's text
                        // stays in the field.
                        typing.emitted = Some(typing.before.clone());
                        (false, typing.before.to_string())
                    }
                }
            };
            if accepted {
                error.set(None);
            }
            // Always passed up: the reducer ignores edits that change nothing, and comparing with the value of the
            // last render could be a keystroke out of date.
            on_text.emit(passed);
            text.set(entered);
        })
    };

    let invalid = error.is_some();
    // The page counts fields whose text is refused (Reset is offered while any is). Each report is taken back
    // once: when the text is accepted or replaced, or when the field goes with its card.
    use_effect_with(invalid, |&invalid| {
        if invalid {
            state::report_refused(true);
        }
        move || {
            if invalid {
                state::report_refused(false);
            }
        }
    });

    let id = &props.id;
    let note_id = format!("{id}-note");
    let error_id = format!("{id}-error");
    let badge = props.badge.as_ref().map(|badge| {
        html! {
            <span class="provenance">
                <button type="button" class={badge.class} aria-describedby={format!("{id}-source")}>{ badge.word }</button>
                <span class="source" role="tooltip" id={format!("{id}-source")}>{ badge.detail.clone() }</span>
            </span>
        }
    });
    let echo = &props.echo;
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), props.changed.then_some("is-changed"))}>
            <label for={id.clone()}>
                { props.label }
                if !props.unit.is_empty() { <span class="unit">{ props.unit }</span> }
            </label>
            <input
                id={id.clone()}
                type="text"
                inputmode={props.input_mode}
                autocomplete="off"
                spellcheck="false"
                value={(*text).clone()}
                {oninput}
                {onblur}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={format!("{note_id} {error_id}")}
            />
            <div class="field-foot">
                <span class="echo" id={note_id.clone()}>
                    if !echo.is_empty() {
                        { if refused { format!("still using {echo}") } else { format!("= {echo}") } }
                    }
                </span>
                { badge }
            </div>
            <span class="error" id={error_id} aria-live="polite">{ (*error).clone().unwrap_or_default() }</span>
        </div>
    }
}
