//! How the page is shown, apart from what it shows: embed mode, theme, which chart, whether inputs appear, and
//! the frame ids host libraries use. Kept out of the scenario so that display flags never change the numbers,
//! and parsed here, purely, so that bad options are tested natively.

use crate::model::link::LinkProblem;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The whole calculator.
    Full,
    /// The compact view for an iframe in an article.
    Embed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system setting.
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// What the embed options call it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "Reader's setting",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// The chart an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartChoice {
    Cumulative,
    Yearly,
    Commitments,
    Compute,
}

impl ChartChoice {
    pub const ALL: [ChartChoice; 4] = [
        ChartChoice::Cumulative,
        ChartChoice::Yearly,
        ChartChoice::Commitments,
        ChartChoice::Compute,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChartChoice::Cumulative => "cumulative",
            ChartChoice::Yearly => "yearly",
            ChartChoice::Commitments => "commitments",
            ChartChoice::Compute => "compute",
        }
    }

    /// What the embed options call it: the chart's title, shortened.
    pub fn name(self) -> &'static str {
        match self {
            ChartChoice::Cumulative => "Cumulative money",
            ChartChoice::Yearly => "Spend with AWS per year",
            ChartChoice::Commitments => "Infrastructure commitments",
            ChartChoice::Compute => "Energy used per year",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    Shown,
    Hidden,
}

/// Display options read from the page's link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Display {
    pub mode: Mode,
    pub theme: Theme,
    pub chart: ChartChoice,
    pub controls: Controls,
    /// Our own resize message's id, so a host with several embeds can tell them apart.
    pub frame_id: String,
    /// The id Pym.js's parent gave this child (`childId`), if it did.
    pub pym_id: Option<String>,
}

impl Default for Display {
    fn default() -> Display {
        Display {
            mode: Mode::Full,
            theme: Theme::Auto,
            chart: ChartChoice::Cumulative,
            controls: Controls::Shown,
            frame_id: "deal-calculator".into(),
            pym_id: None,
        }
    }
}

/// Ids go back to the host inside messages: letters, digits, `-` and `_`, at most 64.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Display {
    /// Reads the display options; a bad option keeps its default and is named in a problem.
    ///
    /// ```
    /// use deal_calculator::display::{Display, Mode, Theme};
    /// let (display, problems) = Display::from_query("?embed=1&theme=dark&utm_source=x");
    /// assert_eq!((display.mode, display.theme), (Mode::Embed, Theme::Dark));
    /// assert!(problems.is_empty());
    /// ```
    pub fn from_query(query: &str) -> (Display, Vec<LinkProblem>) {
        let mut display = Display::default();
        let mut problems = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut seen: Vec<&str> = Vec::new();
        for pair in query.split('#').next().unwrap_or_default().split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let known = ["embed", "theme", "chart", "controls", "id", "childId"];
            if !known.contains(&name) || seen.contains(&name) {
                continue;
            }
            seen.push(name);
            // An option typed by hand into a CMS may be capitalised ("theme=Dark"); ids keep their case.
            let option = value.to_ascii_lowercase();
            let mut bad = |reason: &str| {
                problems.push(LinkProblem {
                    parameter: name.to_string(),
                    reason: reason.to_string(),
                })
            };
            match name {
                "embed" => match option.as_str() {
                    "1" | "true" | "yes" => display.mode = Mode::Embed,
                    "0" | "false" | "no" => display.mode = Mode::Full,
                    _ => bad("use embed=1 for the compact view"),
                },
                "theme" => match option.as_str() {
                    "auto" => display.theme = Theme::Auto,
                    "light" => display.theme = Theme::Light,
                    "dark" => display.theme = Theme::Dark,
                    _ => bad("use light, dark or auto"),
                },
                "chart" => match ChartChoice::ALL.into_iter().find(|c| c.code() == option) {
                    Some(chart) => display.chart = chart,
                    None => bad("use cumulative, yearly, commitments or compute"),
                },
                "controls" => match option.as_str() {
                    "1" | "on" | "true" => display.controls = Controls::Shown,
                    "0" | "off" | "false" => display.controls = Controls::Hidden,
                    _ => bad("use controls=1 or controls=0"),
                },
                "id" if valid_id(value) => display.frame_id = value.to_string(),
                "childId" if valid_id(value) => display.pym_id = Some(value.to_string()),
                _ => bad("ids use letters, digits, - and _ (at most 64)"),
            }
        }
        (display, problems)
    }

    /// The embed's height in a 600 px article column, with room to spare, for the snippet to give the frame
    /// before embed.js (or a host's own listener) sizes it: a host without either then shows the whole embed at
    /// that width rather than scrolling inside it. Measured for the reported deal: 956–959 px with the key inputs,
    /// 710–714 without, and the commitments chart 240 px shorter; the rest is for a longer legend (an agreement
    /// more) and other fonts.
    pub fn fallback_height(&self) -> u16 {
        let chart = if self.chart == ChartChoice::Commitments {
            520
        } else {
            760
        };
        match self.controls {
            Controls::Shown => chart + 260,
            Controls::Hidden => chart,
        }
    }

    /// The display options as query parameters, for the embed snippet and for keeping them when the scenario
    /// part of the address is rewritten.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.mode == Mode::Embed {
            parts.push("embed=1".to_string());
        }
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.code()));
        }
        if self.chart != ChartChoice::Cumulative {
            parts.push(format!("chart={}", self.chart.code()));
        }
        if self.controls == Controls::Hidden {
            parts.push("controls=0".to_string());
        }
        if self.frame_id != "deal-calculator" {
            parts.push(format!("id={}", self.frame_id));
        }
        if let Some(pym) = &self.pym_id {
            parts.push(format!("childId={pym}"));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_options_keep_defaults_and_say_why() {
        let (display, problems) =
            Display::from_query("embed=2&theme=neon&chart=pie&controls=maybe&id=<x>");
        assert_eq!(display, Display::default());
        let named: Vec<_> = problems.iter().map(|p| p.parameter.as_str()).collect();
        assert_eq!(named, vec!["embed", "theme", "chart", "controls", "id"]);
    }

    #[test]
    fn options_round_trip() {
        let query = "embed=1&theme=dark&chart=yearly&controls=0&id=story-1&childId=example";
        let (display, problems) = Display::from_query(query);
        assert!(problems.is_empty());
        assert_eq!(display.to_query(), query);
    }

    #[test]
    fn options_typed_in_capitals_apply_and_ids_keep_their_case() {
        let (display, problems) =
            Display::from_query("embed=TRUE&theme=Dark&chart=Yearly&controls=OFF&id=Story-1");
        assert!(problems.is_empty());
        assert_eq!(
            display.to_query(),
            "embed=1&theme=dark&chart=yearly&controls=0&id=Story-1"
        );
    }
}
