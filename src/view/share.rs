//! Sharing: the link of the current scenario with Copy and Share buttons, and the embed snippet.

use yew::prelude::*;

use crate::browser;
use crate::display::{ChartChoice, Controls, Display, Mode, Theme};

/// The address of a scenario: the page's own address plus the scenario's query.
pub fn scenario_address(query: &str) -> String {
    let base = browser::base_address();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The scenario's query as of the reader's last pause in typing, without `?`.
    pub query: AttrValue,
    /// Brings `query` up to the scenario as it is now; called when a pointer or the focus enters the panel, and
    /// when the reader copies, shares or opens the embed options.
    pub catch_up: Callback<()>,
    /// The query of the scenario as it is now, for Copy and Share: a click can come without a pointer or focus
    /// entering first (a screen reader's browse mode, `element.click()`).
    pub current: Callback<(), AttrValue>,
}

/// Copies `text`, and says so in the status region `status` with `words[0]`, which go after a few seconds. Where the
/// browser refuses, selects the field `field` that shows the text and says `words[1]`, an instruction that stays:
/// its words do not claim the text is still selected, since an edit may replace it.
async fn copy_or_select(text: String, field: &str, status: &'static str, words: [&'static str; 2]) {
    let copied = browser::copy_text(&text).await;
    if !copied {
        browser::select_input(field);
    }
    let [done, blocked] = words;
    browser::announce(status, if copied { done } else { blocked }.into(), !copied);
}

/// The embed options the reader chose, kept while the disclosure is closed.
struct EmbedOptions {
    open: UseStateHandle<bool>,
    chart: UseStateHandle<ChartChoice>,
    controls: UseStateHandle<Controls>,
    theme: UseStateHandle<Theme>,
}

/// The link, Copy and (where the browser has it) Share.
#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    // The embed panel's state lives here, and the panel is a function: a component of its own cost the reader its
    // own copy of Yew's machinery, and it rendered with this panel at each catch-up anyway. Either panel's own
    // state now renders both, which only a click does.
    let embed = EmbedOptions {
        open: use_state(|| false),
        chart: use_state(|| ChartChoice::Cumulative),
        controls: use_state(|| Controls::Shown),
        theme: use_state(|| Theme::Auto),
    };
    let address = scenario_address(&props.query);
    // The address of the scenario as it is now; the link shown catches up at the same time.
    let current_address = {
        let catch_up = props.catch_up.clone();
        let current = props.current.clone();
        move || {
            catch_up.emit(());
            scenario_address(&current.emit(()))
        }
    };
    let copy = {
        let current_address = current_address.clone();
        Callback::from(move |_| {
            let address = current_address();
            wasm_bindgen_futures::spawn_local(copy_or_select(
                address,
                "share-link",
                "share-status",
                [
                    "Link copied.",
                    "Copying is blocked here: select the link and press Ctrl+C or ⌘C.",
                ],
            ));
        })
    };
    let share = browser::can_share().then(|| {
        let onclick = Callback::from(move |_| {
            let address = current_address();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = browser::share("Amazon–OpenAI deal calculator", &address).await;
            });
        });
        html! { <button type="button" {onclick}>{ "Share…" }</button> }
    });
    html! {
        <section class="share" aria-labelledby="share-heading" onpointerdown={props.catch_up.reform(|_| ())}
            onfocusin={props.catch_up.reform(|_| ())}>
            <h2 id="share-heading">{ "Share this scenario" }</h2>
            <div class="share-row">
                <label class="visually-hidden" for="share-link">{ "Link to this scenario" }</label>
                <input id="share-link" type="text" readonly=true value={address.clone()} />
                <button type="button" id="copy-link" onclick={copy}>{ "Copy link" }</button>
                { share }
            </div>
            <p class="status" aria-live="polite" id="share-status"></p>
            { embed_panel(&props.query, &props.catch_up, embed) }
        </section>
    }
}

/// The host page's iframe code for the current scenario, with the options the embed understands, behind a
/// disclosure. The code is built only while the disclosure is open, so edits do not rewrite a snippet nobody
/// reads; the options chosen stay while it is closed. Its Copy copies the snippet as shown, so the settled query is
/// enough.
fn embed_panel(query: &AttrValue, catch_up: &Callback<()>, options: EmbedOptions) -> Html {
    let EmbedOptions {
        open,
        chart,
        controls,
        theme,
    } = options;
    let ontoggle = {
        let open = open.clone();
        let catch_up = catch_up.clone();
        Callback::from(move |event: Event| {
            catch_up.emit(());
            open.set(browser::is_open(&event));
        })
    };
    if !*open {
        return html! {
            <details class="embed-options" {ontoggle}>
                <summary>{ "Embed this calculator in an article" }</summary>
            </details>
        };
    }
    let display = Display {
        mode: Mode::Embed,
        theme: *theme,
        chart: *chart,
        controls: *controls,
        ..Display::default()
    };
    let query = if query.is_empty() {
        display.to_query()
    } else {
        format!("{query}&{}", display.to_query())
    };
    let src = scenario_address(&query);
    let base = browser::base_address();
    let folder = base
        .rsplit_once('/')
        .map_or(base.as_str(), |(folder, _)| folder);
    let snippet = format!(
        "<iframe src=\"{src}\" title=\"Amazon–OpenAI deal calculator\" loading=\"lazy\" \
         style=\"width: 1px; min-width: 100%; height: {height}px; border: 0\" allow=\"clipboard-write; web-share\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe>\n\
         <script src=\"{folder}/embed.js\" async></script>",
        src = src.replace('&', "&amp;"),
        height = display.fallback_height(),
    );
    let on_chart = {
        let chart = chart.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Some(choice) = ChartChoice::ALL
                    .into_iter()
                    .find(|c| c.code() == select.value())
                {
                    chart.set(choice);
                }
            }
        })
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                theme.set(match select.value().as_str() {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => Theme::Auto,
                });
            }
        })
    };
    let on_controls = {
        let controls = controls.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                controls.set(if input.checked() {
                    Controls::Shown
                } else {
                    Controls::Hidden
                });
            }
        })
    };
    let copy = {
        let snippet = snippet.clone();
        Callback::from(move |_| {
            wasm_bindgen_futures::spawn_local(copy_or_select(
                snippet.clone(),
                "embed-code",
                "embed-status",
                [
                    "Embed code copied.",
                    "Copying is blocked here: select the code and press Ctrl+C or ⌘C.",
                ],
            ));
        })
    };
    html! {
        <details class="embed-options" open=true {ontoggle}>
            <summary>{ "Embed this calculator in an article" }</summary>
            <div class="embed-controls">
                <label>{ "Chart " }
                    <select onchange={on_chart}>
                        { for ChartChoice::ALL.iter().map(|c| html! {
                            <option value={c.code()} selected={*c == *chart}>{ c.name() }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Theme " }
                    <select onchange={on_theme}>
                        { for [Theme::Auto, Theme::Light, Theme::Dark].iter().map(|t| html! {
                            <option value={t.code()} selected={*t == *theme}>{ t.name() }</option>
                        }) }
                    </select>
                </label>
                <label><input type="checkbox" checked={*controls == Controls::Shown} onchange={on_controls} />{ " Key inputs" }</label>
            </div>
            <label class="visually-hidden" for="embed-code">{ "Embed code" }</label>
            <textarea id="embed-code" readonly=true rows="5" value={snippet} />
            <button type="button" onclick={copy}>{ "Copy embed code" }</button>
            <span class="status" aria-live="polite" id="embed-status"></span>
        </details>
    }
}
