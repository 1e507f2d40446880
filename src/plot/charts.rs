//! What each chart shows, computed from a scenario and its outcome: series, categories, titles and the text a
//! screen reader hears. The SVG components only place these on a grid.

use crate::model::arith::Checked;
use rust_decimal::Decimal;

use crate::model::format;
use crate::model::metrics::MetricKey;
use crate::model::scenario::Scenario;
use crate::model::schedule::YearFlows;
use crate::model::units::{month_name, Gigawatts, Money};
use crate::model::Outcome;

/// What a chart's values are measured in, for axis labels and tooltips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueUnit {
    Money,
    Gigawatts,
    TerawattHours,
}

impl ValueUnit {
    /// A value as a tooltip or table shows it.
    pub fn format(self, value: Decimal) -> String {
        match self {
            ValueUnit::Money => format::money(Money::from_dollars(value)),
            ValueUnit::Gigawatts => format::gigawatts(Gigawatts::new(value)),
            ValueUnit::TerawattHours => format::energy(value),
        }
    }

    /// The value at `index`, formatted; none past the end.
    pub fn format_at(self, values: &[Decimal], index: usize) -> Option<String> {
        values.get(index).map(|value| self.format(*value))
    }

    /// A tick label: the same, shorter.
    pub fn tick(self, value: Decimal) -> String {
        match self {
            ValueUnit::Money => format::money(Money::from_dollars(value)),
            ValueUnit::Gigawatts | ValueUnit::TerawattHours => format::plain(value),
        }
    }

    pub fn axis_title(self) -> &'static str {
        match self {
            ValueUnit::Money => "US dollars",
            ValueUnit::Gigawatts => "GW",
            ValueUnit::TerawattHours => "TWh",
        }
    }
}

/// One line or one layer of a stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    /// The colour slot (`series-1` … `series-8`, `series-invest`, `series-net`), styled in CSS for both themes.
    pub class: &'static str,
    pub dashed: bool,
    pub values: Vec<Decimal>,
}

/// A chart over a sequence of categories (months or years). `Eq`, so that comparing two `Rc<ChartData>` (chart
/// props are compared on every render) stops at the pointer when they are the same data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartData {
    pub title: String,
    /// One or two sentences for screen readers: what the chart shows and where it ends up.
    pub description: String,
    pub unit: ValueUnit,
    /// One label per point ("Mar 2026", "2027").
    pub categories: Vec<String>,
    /// Which categories carry an x-axis label, and the label.
    pub x_ticks: Vec<(usize, String)>,
    pub series: Vec<Series>,
    /// Marks on the category axis (tranche payments), with their text.
    pub markers: Vec<(usize, String)>,
    /// Extra tooltip lines for a category (GW online), not drawn.
    pub notes: Vec<(usize, String)>,
    /// Periods the timeline covers only in part, with the months it covers ("Jan–Feb"): the tooltip and the table
    /// say so, since their figures (spend, GW online) are for those months only.
    pub partial: Vec<(usize, String)>,
    /// Which categories the table view lists (all for yearly charts, year ends for monthly ones).
    pub table_rows: Vec<usize>,
    /// A column the table and the CSV list beside the series, not drawn (GW online at each period's end).
    pub extra: Option<Column>,
    /// The series split one whole (the bar of shares) rather than run over periods: the table lists a row per
    /// series with its share, and the category needs no heading.
    pub parts_of_whole: bool,
}

impl ChartData {
    /// The heading over the categories in the table and the CSV: none for the parts of a whole.
    pub fn category_heading(&self) -> &'static str {
        if self.parts_of_whole {
            ""
        } else {
            "Period"
        }
    }

    /// The months the timeline covers of category `index` ("Jan–Feb") when it covers that period only in part.
    pub fn partial_months(&self, index: usize) -> Option<&str> {
        self.partial
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, months)| months.as_str())
    }

    /// Each series' share of the first category's total, as the bar of shares labels it and its table lists
    /// it; none when the total is zero (or too large to add up).
    pub fn shares(&self) -> Vec<Option<Decimal>> {
        let first = |s: &Series| s.values.first().copied().unwrap_or(Decimal::ZERO);
        let total = self
            .series
            .iter()
            .try_fold(Decimal::ZERO, |sum, s| sum.plus(first(s)));
        self.series
            .iter()
            .map(|s| total.and_then(|total| first(s).checked_div(total)))
            .collect()
    }
}

/// One value per category, in a unit of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub heading: String,
    pub unit: ValueUnit,
    pub values: Vec<Decimal>,
}

const AGREEMENT_CLASSES: [&str; 8] = [
    "series-1", "series-2", "series-3", "series-4", "series-5", "series-6", "series-7", "series-8",
];

fn agreement_class(index: usize) -> &'static str {
    AGREEMENT_CLASSES
        .get(index % AGREEMENT_CLASSES.len())
        .copied()
        .unwrap_or("series-1")
}

/// Chart 1: cumulative money, month by month.
pub fn cumulative(scenario: &Scenario, outcome: &Outcome) -> ChartData {
    let rows = outcome.schedule.cumulative().unwrap_or_default();
    let categories: Vec<String> = rows.iter().map(|r| r.month.label()).collect();
    let x_ticks = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.month.month() == 1)
        .map(|(i, r)| (i, r.month.year().to_string()))
        .collect();
    let mut series: Vec<Series> = scenario
        .agreements
        .iter()
        .enumerate()
        .map(|(index, agreement)| Series {
            name: format!("{} (OpenAI spend)", agreement.label),
            class: agreement_class(index),
            dashed: false,
            values: rows
                .iter()
                .map(|r| r.spend.get(index).map_or(Decimal::ZERO, |m| m.dollars()))
                .collect(),
        })
        .collect();
    series.push(Series {
        name: "Amazon's investment".into(),
        class: "series-invest",
        dashed: false,
        values: rows.iter().map(|r| r.investment.dollars()).collect(),
    });
    let uncertain = rows
        .last()
        .is_some_and(|r| r.investment != r.investment_expected);
    if uncertain {
        series.push(Series {
            name: "Amazon's investment, expected".into(),
            class: "series-invest",
            dashed: true,
            values: rows
                .iter()
                .map(|r| r.investment_expected.dollars())
                .collect(),
        });
    }
    series.push(Series {
        name: "Net to Amazon (spend − investment)".into(),
        class: "series-net",
        dashed: true,
        values: rows.iter().map(|r| r.net.dollars()).collect(),
    });
    let table_rows = year_ends(
        rows.iter()
            .map(|r| r.month.month())
            .collect::<Vec<_>>()
            .as_slice(),
    );
    let last = rows.last();
    let description = match last {
        Some(end) => format!(
            "Running totals from {} to {}. By {}, OpenAI has spent {} with AWS and Amazon has invested {}, a net of {} to Amazon.",
            categories.first().cloned().unwrap_or_default(),
            end.month.label(),
            end.month.label(),
            format::money(end.spend_total),
            format::money(end.investment),
            format::money(end.net),
        ),
        None => "No months to show.".into(),
    };
    ChartData {
        title: "Cumulative money between Amazon and OpenAI".into(),
        description,
        unit: ValueUnit::Money,
        categories,
        x_ticks,
        series,
        markers: Vec::new(),
        notes: Vec::new(),
        partial: Vec::new(),
        table_rows,
        extra: None,
        parts_of_whole: false,
    }
}

/// Indices of December months and the last month: the rows a monthly chart's table lists.
fn year_ends(months: &[u8]) -> Vec<usize> {
    let last = months.len().saturating_sub(1);
    months
        .iter()
        .enumerate()
        .filter(|(i, m)| **m == 12 || *i == last)
        .map(|(i, _)| i)
        .collect()
}

/// The months a year the timeline covers only in part holds, "Nov–Dec" or "Mar"; `None` for a whole year.
fn partial_year(year: &YearFlows) -> Option<String> {
    let (first, last) = year.months;
    match (first, last) {
        (1, 12) => None,
        _ if first == last => month_name(first).map(String::from),
        _ => Some(format!("{}–{}", month_name(first)?, month_name(last)?)),
    }
}

/// Marks a yearly chart's partial years, whose bars are short because the timeline starts or ends in them, not
/// because less happens: the months of each (for `ChartData::partial`), and a sentence for the description.
fn partial_years(years: &[YearFlows]) -> (Vec<(usize, String)>, String) {
    let partial: Vec<(usize, u16, String)> = years
        .iter()
        .enumerate()
        .filter_map(|(i, year)| Some((i, year.year, partial_year(year)?)))
        .collect();
    // Written as the table heads those years ("2034 (Jan–Feb)"). "The timeline covers only Nov–Dec of 2025 and
    // Jan–Feb of 2034" read as if the whole chart held four months.
    let sentence = partial
        .iter()
        .map(|(_, year, months)| format!("{year} ({months})"))
        .collect::<Vec<_>>()
        .join(" and ");
    let sentence = match partial.len() {
        0 => sentence,
        n => format!(" Partial year{}: {sentence}.", if n > 1 { "s" } else { "" }),
    };
    let months = partial
        .into_iter()
        .map(|(i, _, months)| (i, months))
        .collect();
    (months, sentence)
}

/// Chart 2: OpenAI's spend with AWS per year, stacked by agreement, with tranche payments marked.
pub fn yearly_spend(scenario: &Scenario, outcome: &Outcome) -> ChartData {
    let years = outcome.schedule.by_year().unwrap_or_default();
    let categories: Vec<String> = years.iter().map(|y| y.year.to_string()).collect();
    let series = scenario
        .agreements
        .iter()
        .enumerate()
        .map(|(index, agreement)| Series {
            name: agreement.label.clone(),
            class: agreement_class(index),
            dashed: false,
            values: years
                .iter()
                .map(|y| y.spend.get(index).map_or(Decimal::ZERO, |m| m.dollars()))
                .collect(),
        })
        .collect();
    let markers: Vec<(usize, String)> = outcome
        .schedule
        .payments
        .iter()
        .zip(&scenario.tranches)
        // A tranche of $0 is no payment: a marker would say "Upfront: $0 in Mar 2026", or that nothing lapses.
        .filter(|(_, tranche)| !tranche.amount.is_zero())
        .filter_map(|(payment, tranche)| {
            let index = years.iter().position(|y| y.year == payment.month.year())?;
            let text = if payment.lapsed {
                format!("{}: lapses before {}", tranche.label, payment.month.label())
            } else {
                format!(
                    "{}: {} in {}",
                    tranche.label,
                    format::money(payment.nominal),
                    payment.month.label()
                )
            };
            Some((index, text))
        })
        .collect();
    let peak = years.iter().max_by_key(|y| y.spend_total);
    let (partial, sentence) = partial_years(&years);
    let description = match peak {
        Some(peak) => {
            // "It peaks in 2034 at $0" would name a year for nothing.
            let peak = if peak.spend_total.is_zero() {
                ": $0 in every year".into()
            } else {
                format!(
                    ". It peaks in {} at {}",
                    peak.year,
                    format::money(peak.spend_total)
                )
            };
            let marked = if markers.is_empty() {
                ""
            } else {
                " Markers show Amazon's investment payments."
            };
            format!("OpenAI's spend with AWS each year, by agreement{peak}.{marked}{sentence}")
        }
        None => "No years to show.".into(),
    };
    ChartData {
        title: "OpenAI's spend with AWS per year".into(),
        description,
        unit: ValueUnit::Money,
        x_ticks: categories.iter().cloned().enumerate().collect(),
        table_rows: (0..categories.len()).collect(),
        extra: None,
        categories,
        series,
        markers,
        notes: Vec::new(),
        partial,
        parts_of_whole: false,
    }
}

/// Chart 3: OpenAI's infrastructure commitments, of which AWS, CoreWeave, and the rest.
pub fn commitments(scenario: &Scenario, _outcome: &Outcome) -> ChartData {
    let mut series: Vec<Series> = scenario
        .agreements
        .iter()
        .enumerate()
        .map(|(index, agreement)| Series {
            name: agreement.label.clone(),
            class: agreement_class(index),
            dashed: false,
            values: vec![agreement.total.dollars()],
        })
        .collect();
    series.push(Series {
        name: "CoreWeave".into(),
        class: "series-coreweave",
        dashed: false,
        values: vec![scenario.context.coreweave.dollars()],
    });
    let named = Money::checked_sum(
        scenario
            .agreements
            .iter()
            .map(|a| a.total)
            .chain([scenario.context.coreweave]),
    )
    .unwrap_or(Money::ZERO);
    let total = scenario.context.total_commitments;
    let rest = total
        .checked_sub(named)
        .unwrap_or(Money::ZERO)
        .max(Money::ZERO);
    series.push(Series {
        name: "Other commitments".into(),
        class: "series-rest",
        dashed: false,
        values: vec![rest.dollars()],
    });
    let description = if named > total {
        format!(
            "The agreements and CoreWeave add up to {}, more than the {} of total commitments entered.",
            format::money(named),
            format::money(total)
        )
    } else {
        format!(
            "Of OpenAI's {} of infrastructure commitments, AWS holds {} and CoreWeave {}.",
            format::money(total),
            format::money(
                named
                    .checked_sub(scenario.context.coreweave)
                    .unwrap_or(Money::ZERO)
            ),
            format::money(scenario.context.coreweave)
        )
    };
    ChartData {
        title: "OpenAI's infrastructure commitments".into(),
        description,
        unit: ValueUnit::Money,
        categories: vec!["Commitments".into()],
        x_ticks: Vec::new(),
        series,
        markers: Vec::new(),
        notes: Vec::new(),
        partial: Vec::new(),
        table_rows: vec![0],
        extra: None,
        parts_of_whole: true,
    }
}

/// Chart 4: compute over time: energy per year (bars), and GW online at each year's end in the table.
pub fn compute(scenario: &Scenario, outcome: &Outcome) -> ChartData {
    let years = outcome.schedule.by_year().unwrap_or_default();
    let utilisation = scenario.compute.utilisation.fraction();
    // GW-months × 730 h (8,760 / 12) × utilisation = GWh; / 1,000 = TWh.
    let energy: Vec<Decimal> = years
        .iter()
        .map(|y| {
            y.capacity_months
                .times(Decimal::from(730u16))
                .and_then(|gwh| gwh.times(utilisation))
                .and_then(|gwh| gwh.checked_div(Decimal::from(1_000u16)))
                .unwrap_or(Decimal::ZERO)
                .round_dp(3)
                .normalize()
        })
        .collect();
    let online: Vec<Decimal> = years
        .iter()
        .map(|y| y.capacity_online.value().round_dp(3).normalize())
        .collect();
    let categories: Vec<String> = years.iter().map(|y| y.year.to_string()).collect();
    let full = outcome
        .metrics
        .get(MetricKey::EnergyTwhPerYear)
        .unwrap_or(Decimal::ZERO);
    let (partial, sentence) = partial_years(&years);
    let description = format!(
        "Energy the agreements' capacity uses each year at {} utilisation, as it comes online. At full capacity: {} a year.{sentence}",
        format::share(utilisation),
        ValueUnit::TerawattHours.format(full)
    );
    let notes: Vec<(usize, String)> = online
        .iter()
        .zip(&years)
        .enumerate()
        .map(|(i, (gw, year))| {
            // A year the timeline ends in early has its figure at the timeline's last month.
            let when = match month_name(year.months.1) {
                Some(month) if year.months.1 != 12 => format!("the end of {month}"),
                _ => "year end".to_string(),
            };
            (
                i,
                format!("GW online at {when}: {}", ValueUnit::Gigawatts.format(*gw)),
            )
        })
        .collect();
    ChartData {
        // GW online is in the tooltips and the table, not drawn, so the title does not promise it.
        title: "Compute: energy used per year".into(),
        description,
        unit: ValueUnit::TerawattHours,
        x_ticks: categories.iter().cloned().enumerate().collect(),
        table_rows: (0..categories.len()).collect(),
        extra: Some(Column {
            // "Period", not "year", end: the timeline's last year may end early (2034 in February).
            heading: "Capacity online at period end".into(),
            unit: ValueUnit::Gigawatts,
            values: online,
        }),
        categories,
        series: vec![Series {
            name: "Energy used".into(),
            class: "series-energy",
            dashed: false,
            values: energy,
        }],
        markers: Vec::new(),
        notes,
        partial,
        parts_of_whole: false,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The reported deal and its outcome, which the chart and table tests start from.
    pub(crate) fn reported() -> (Scenario, Outcome) {
        let scenario = Scenario::reported();
        let outcome = Outcome::compute(&scenario).unwrap();
        (scenario, outcome)
    }

    #[test]
    fn cumulative_ends_at_the_totals() {
        let (scenario, outcome) = reported();
        let chart = cumulative(&scenario, &outcome);
        let last = |name: &str| {
            *chart
                .series
                .iter()
                .find(|s| s.name.starts_with(name))
                .unwrap()
                .values
                .last()
                .unwrap()
        };
        assert_eq!(last("AWS existing"), Money::billions(38).dollars());
        assert_eq!(last("Amazon's investment"), Money::billions(50).dollars());
        assert_eq!(last("Net"), Money::billions(88).dollars());
        assert_eq!(chart.x_ticks.first().unwrap().1, "2026");
        assert_eq!(
            *chart.table_rows.last().unwrap(),
            chart.categories.len() - 1
        );
        assert!(chart.description.contains("$138B"));
    }

    #[test]
    fn yearly_spend_marks_both_tranches_in_2026() {
        let (scenario, outcome) = reported();
        let chart = yearly_spend(&scenario, &outcome);
        assert_eq!(chart.categories.first().unwrap(), "2025");
        assert_eq!(chart.markers.len(), 2);
        assert!(chart
            .markers
            .iter()
            .all(|(i, _)| chart.categories[*i] == "2026"));
    }

    #[test]
    fn yearly_spend_names_no_peak_when_nothing_is_spent() {
        let (mut scenario, _) = reported();
        for agreement in &mut scenario.agreements {
            agreement.total = Money::ZERO;
        }
        let outcome = Outcome::compute(&scenario).unwrap();
        let chart = yearly_spend(&scenario, &outcome);
        assert!(
            chart.description.starts_with(
                "OpenAI's spend with AWS each year, by agreement: $0 in every year. Markers"
            ),
            "{}",
            chart.description
        );
        let (scenario, outcome) = reported();
        assert!(yearly_spend(&scenario, &outcome)
            .description
            .contains("It peaks in 2032 at $23.5B."));
    }

    #[test]
    fn yearly_spend_marks_no_payment_of_nothing() {
        let (mut scenario, _) = reported();
        scenario.tranches[0].amount = Money::ZERO;
        let outcome = Outcome::compute(&scenario).unwrap();
        let chart = yearly_spend(&scenario, &outcome);
        assert_eq!(chart.markers.len(), 1, "{:?}", chart.markers);
        assert!(chart.markers[0].1.starts_with("Milestones: $35B"));
        scenario.tranches[1].amount = Money::ZERO;
        let outcome = Outcome::compute(&scenario).unwrap();
        let chart = yearly_spend(&scenario, &outcome);
        assert!(chart.markers.is_empty());
        assert!(
            !chart.description.contains("Markers"),
            "{}",
            chart.description
        );
        // Nor when a tranche of $0 lapses.
        scenario.tranches[1].lapses = crate::model::units::YearMonth::new(2026, 6);
        let outcome = Outcome::compute(&scenario).unwrap();
        assert!(yearly_spend(&scenario, &outcome).markers.is_empty());
    }

    #[test]
    fn yearly_charts_mark_the_years_the_timeline_covers_in_part() {
        let (scenario, outcome) = reported();
        for chart in [
            yearly_spend(&scenario, &outcome),
            compute(&scenario, &outcome),
        ] {
            let partial: Vec<(&str, &str)> = chart
                .partial
                .iter()
                .map(|(i, months)| (chart.categories[*i].as_str(), months.as_str()))
                .collect();
            assert_eq!(
                partial,
                [("2025", "Nov–Dec"), ("2034", "Jan–Feb")],
                "{}",
                chart.title
            );
            assert!(
                chart
                    .description
                    .ends_with(" Partial years: 2025 (Nov–Dec) and 2034 (Jan–Feb)."),
                "{}",
                chart.description
            );
        }
    }

    #[test]
    fn a_partial_year_names_its_months() {
        let year = |months| YearFlows {
            months,
            ..reported().1.schedule.by_year().unwrap()[0].clone()
        };
        assert_eq!(partial_year(&year((1, 12))), None);
        assert_eq!(partial_year(&year((3, 3))).as_deref(), Some("Mar"));
        assert_eq!(partial_year(&year((1, 2))).as_deref(), Some("Jan–Feb"));
    }

    #[test]
    fn commitments_leave_the_rest_of_600_billion() {
        let (scenario, outcome) = reported();
        let chart = commitments(&scenario, &outcome);
        let rest = chart.series.last().unwrap().values[0];
        assert_eq!(
            rest,
            Money::from_dollars(rust_decimal_macros::dec!(439_600_000_000)).dollars()
        );
        let shares: Vec<String> = chart
            .shares()
            .into_iter()
            .map(|share| format::share(share.unwrap()))
            .collect();
        assert_eq!(shares, ["6.33%", "16.7%", "3.73%", "73.3%"]);
    }

    #[test]
    fn shares_of_nothing_are_none() {
        let mut scenario = Scenario::reported();
        for agreement in &mut scenario.agreements {
            agreement.total = Money::ZERO;
        }
        scenario.context.coreweave = Money::ZERO;
        scenario.context.total_commitments = Money::ZERO;
        let outcome = Outcome::compute(&scenario).unwrap();
        let chart = commitments(&scenario, &outcome);
        assert!(chart.shares().iter().all(Option::is_none));
    }

    #[test]
    fn compute_energy_reaches_full_capacity() {
        let (scenario, outcome) = reported();
        let chart = compute(&scenario, &outcome);
        let online = chart.extra.clone().unwrap().values;
        assert!(chart
            .notes
            .iter()
            .any(|(_, note)| note == "GW online at year end: 2 GW"));
        // The timeline ends in Feb 2034: its last figure is for then, not for December.
        let last = chart.categories.len() - 1;
        assert!(chart
            .notes
            .iter()
            .any(|(i, note)| *i == last && note.starts_with("GW online at the end of Feb: ")));
        // 2029 is a whole year at 2 GW: 2 × 8,760 × 0.8 / 1,000 = 14.016 TWh.
        let year = chart.categories.iter().position(|c| c == "2029").unwrap();
        assert_eq!(
            chart.series[0].values[year],
            rust_decimal_macros::dec!(14.016)
        );
        assert_eq!(online[year], rust_decimal::Decimal::TWO);
    }
}
