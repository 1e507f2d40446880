//! The one source of truth: the scenario the reader is looking at, and how its last change should reach the
//! address bar. Derived figures are computed from it (memoised in the app), never stored beside it.

use std::rc::Rc;

use yew::Reducible;

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
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// Back to the deal as reported.
    Reset,
    /// The address changed under us (Back or Forward): show what it holds.
    Load(Scenario),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(mut self: Rc<Self>, action: Action) -> Rc<Self> {
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
                    // Still drop half-typed text: the reader asked for the reported values.
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
        }
        self
    }
}
