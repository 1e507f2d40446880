//! The view: Yew components that show what the model computed and turn events into edits. Thin by design:
//! numbers come from `model`, chart geometry from `plot`, and the browser from `browser`.

mod app;
pub mod chart;
mod embed;
pub mod field;
mod inputs;
mod notice;
mod share;
mod state;
mod terms;
mod totals;

pub use app::{App, AppProps};

/// The id of the page's title (and the embed's), which takes focus when what held it goes (the link notice).
const TITLE_ID: &str = "title";

use crate::browser;
use crate::display::Display;
use crate::model::link;
use crate::model::scenario::Scenario;

/// Mounts the app into `#app`, reading the scenario and display options from the address.
pub fn start() {
    // If anything panics anyway, the reader sees the static notice with a link back to the reported deal
    // instead of a frozen page. Through Yew, which otherwise replaces any hook with its own when it renders.
    yew::set_custom_panic_hook(Box::new(|_| browser::show_crash_notice()));
    browser::restore_reloaded_edit();
    let query = browser::query();
    // Most readers open the page without a scenario in its address. Not calling the decoder then keeps it out
    // of the first render: WebAssembly compiles each function the first time it runs.
    let decoded = if query.is_empty() {
        link::Decoded {
            scenario: Scenario::reported_deal().clone(),
            problems: Vec::new(),
        }
    } else {
        link::decode(&query)
    };
    let (display, display_problems) = Display::from_query(&query);
    let mut problems = decoded.problems;
    problems.extend(display_problems);
    let props = AppProps {
        scenario: decoded.scenario,
        problems,
        display,
    };
    match browser::mount_point() {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
