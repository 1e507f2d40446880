//! The dismissible notice that names each link parameter the page could not use, and why.

use yew::prelude::*;

use crate::browser;
use crate::model::link::LinkProblem;

/// Shows at most eight problems and counts the rest; the reader can close it. A function of the root's, which
/// holds whether it is open: a component of its own would cost the reader more WebAssembly than the root's
/// calling this on each render costs time. With nothing to say it returns at once; an open notice is rebuilt with
/// the root, at most nine lines, only for a link that had problems.
pub fn link_notice(problems: &[LinkProblem], open: &UseStateHandle<bool>) -> Html {
    if problems.is_empty() || !**open {
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
    let more = problems.len().saturating_sub(8);
    html! {
        <div class="notice" role="status" id="link-notice">
            <div>
                <strong>{ "Some of this link could not be used." }</strong>
                { " The reported values and default settings stand in for these; everything else in the link applies." }
                <ul>
                    { for problems.iter().take(8).map(|p| html! {
                        <li><code>{ p.parameter.clone() }</code>{ ": " }{ p.reason.clone() }</li>
                    }) }
                    if more > 0 { <li>{ format!("and {more} more") }</li> }
                </ul>
            </div>
            <button type="button" class="close" onclick={close} aria-label="Dismiss this notice">{ "×" }</button>
        </div>
    }
}
