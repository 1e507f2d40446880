//! The one source of truth: the scenario the reader is looking at, and how its last change should reach the
//! address bar. Derived figures are computed from it (memoised in the app), never stored beside it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::{Reducible, UseReducerDispatcher};

use crate::browser::HistoryWrite;
use crate::model::edit::Edit;
use crate::model::scenario::Scenario;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub scenario: Rc<Scenario>,
    /// How the next address write happens: edits replace the entry; a whole new scenario pushes one, so Back
    /// returns to the previous scenario. `None` when the address already holds the scenario (it came from it).
    pub history: Option<HistoryWrite>,
    /// Bumped whenever the scenario is replaced as a whole, so fields drop any half-typed text.
    pub generation: u32,
    /// How many fields hold text the page refused. Reset is offered while one does, even when the scenario is
    /// still the reported one: the reader sees a message there and may want the reported value back.
    pub refused: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// Back to the deal as reported.
    Reset,
    /// The address changed under us (Back or Forward): show what it holds.
    Load(Scenario),
    /// `true`: one more field holds refused text; `false`: one fewer.
    Refused(bool),
}

impl AppState {
    /// The deal as reported, and no field holding refused text: Reset is shown unavailable, and a press does nothing,
    /// so text that already means a reported value ("8000M") stays as typed.
    pub fn nothing_to_reset(&self) -> bool {
        self.refused == 0 && *self.scenario == *Scenario::reported_deal()
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(mut self: Rc<Self>, action: Action) -> Rc<Self> {
        // Before the state is copied, so that the page does not even render again.
        if matches!(action, Action::Reset) && self.nothing_to_reset() {
            return self;
        }
        let state = Rc::make_mut(&mut self);
        match action {
            Action::Edit(edit) => {
                let before = state.scenario.clone();
                Rc::make_mut(&mut state.scenario).apply(edit);
                if state.scenario == before {
                    return self;
                }
                state.history = Some(HistoryWrite::Replace);
            }
            Action::Reset => {
                let reported = Scenario::reported_deal();
                if *state.scenario == *reported {
                    // Only refused text differs (see the check above): it goes, since the reader asked for the
                    // reported values.
                    state.generation = state.generation.wrapping_add(1);
                    return self;
                }
                state.scenario = Rc::new(reported.clone());
                state.history = Some(HistoryWrite::Push);
                state.generation = state.generation.wrapping_add(1);
            }
            Action::Load(scenario) => {
                state.scenario = Rc::new(scenario);
                state.history = None;
                state.generation = state.generation.wrapping_add(1);
            }
            Action::Refused(more) => {
                state.refused = if more {
                    state.refused.saturating_add(1)
                } else {
                    state.refused.saturating_sub(1)
                };
            }
        }
        self
    }
}

thread_local! {
    /// The page's dispatcher, so that a field reports refused text without every group passing a callback on
    /// (a Yew context did the same for 2.4 KiB more of WebAssembly). Set by the root; the embed's fields report
    /// too, and nothing there reads the count.
    static PAGE: RefCell<Option<UseReducerDispatcher<AppState>>> = const { RefCell::new(None) };
}

/// Called by the root with its dispatcher.
pub fn listen(dispatcher: UseReducerDispatcher<AppState>) {
    PAGE.with(|page| *page.borrow_mut() = Some(dispatcher));
}

/// Called by a field when its text starts (`true`) or stops (`false`) being refused.
pub fn report_refused(more: bool) {
    if let Some(dispatcher) = PAGE.with(|page| page.borrow().clone()) {
        dispatcher.dispatch(Action::Refused(more));
    }
}
