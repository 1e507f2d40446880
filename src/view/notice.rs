//! The dismissible notice that names each link parameter the page could not use, and why.

use yew::prelude::*;

use crate::browser;
use crate::model::link::LinkProblem;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub problems: Vec<LinkProblem>,
}

/// Shows at most eight problems and counts the rest; the reader can close it.
#[component]
pub fn LinkNotice(props: &NoticeProps) -> Html {
    let open = use_state(|| true);
    if props.problems.is_empty() || !*open {
        return html! {};
    }
    // The button goes with the notice, and a keyboard reader's focus would drop to the page's start: the title,
    // beside where the notice was, takes it.
    let close = {
        let open = open.clone();
        Callback::from(move |_| {
            open.set(false);
            browser::focus_soon(super::TITLE_ID.to_string());
        })
    };
    let more = props.problems.len().saturating_sub(8);
    html! {
        <div class="notice" role="status" id="link-notice">
            <div>
                <strong>{ "Some of this link could not be used." }</strong>
                { " The reported values stand in for these; everything else in the link applies." }
                <ul>
                    { for props.problems.iter().take(8).map(|p| html! {
                        <li><code>{ p.parameter.clone() }</code>{ ": " }{ p.reason.clone() }</li>
                    }) }
                    if more > 0 { <li>{ format!("and {more} more") }</li> }
                </ul>
            </div>
            <button type="button" class="close" onclick={close} aria-label="Dismiss this notice">{ "×" }</button>
        </div>
    }
}
