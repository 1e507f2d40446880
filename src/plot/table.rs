//! A chart's numbers as the table under it shows them: headings and rows of formatted text. The view only
//! writes these into `<table>` markup, so one small template serves every chart.

use super::charts::{ChartData, Column};
use crate::model::format;

/// Column headings, then one row per period or per series: the row's heading and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The first is the heading over the row headings, and may be empty.
    pub head: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// The parts of a whole (the bar of shares) list a row per series with its share, as the bar labels it: a
/// column per series would be too wide for a phone. A chart over time lists a row per period its table rows name,
/// even when there is only one.
pub fn table(data: &ChartData) -> Table {
    if data.parts_of_whole {
        by_series(data)
    } else {
        by_period(data)
    }
}

fn by_period(data: &ChartData) -> Table {
    let mut head = vec![data.category_heading().to_owned()];
    head.extend(data.series.iter().map(|s| s.name.clone()));
    head.extend(data.extra.iter().map(|extra| extra.heading.clone()));
    let rows = data
        .table_rows
        .iter()
        .map(|&row| {
            let mut cells: Vec<String> = data
                .series
                .iter()
                .map(|s| cell(data.unit.format_at(&s.values, row)))
                .collect();
            cells.extend(data.extra.iter().map(|extra| cell(extra_at(extra, row))));
            (period(data, row), cells)
        })
        .collect();
    Table { head, rows }
}

fn by_series(data: &ChartData) -> Table {
    let head = vec![
        String::new(),
        data.categories.first().cloned().unwrap_or_default(),
        "Share".to_owned(),
    ];
    let mut rows: Vec<(String, Vec<String>)> = data
        .series
        .iter()
        .zip(data.shares())
        .map(|(s, share)| {
            let value = cell(data.unit.format_at(&s.values, 0));
            (s.name.clone(), vec![value, cell(share.map(format::share))])
        })
        .collect();
    rows.extend(data.extra.iter().map(|extra| {
        (
            extra.heading.clone(),
            vec![cell(extra_at(extra, 0)), String::new()],
        )
    }));
    Table { head, rows }
}

/// A period's heading, with the months the timeline covers of a partial one: "2034 (Jan–Feb)".
fn period(data: &ChartData, row: usize) -> String {
    let category = data.categories.get(row).cloned().unwrap_or_default();
    match data.partial_months(row) {
        Some(months) => format!("{category} ({months})"),
        None => category,
    }
}

fn extra_at(extra: &Column, index: usize) -> Option<String> {
    extra.unit.format_at(&extra.values, index)
}

/// A missing value is an empty cell, never a made-up zero.
fn cell(text: Option<String>) -> String {
    text.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::charts::{self, tests::reported};

    #[test]
    fn a_chart_over_time_has_a_row_per_listed_period() {
        let (scenario, outcome) = reported();
        let data = charts::compute(&scenario, &outcome);
        let table = table(&data);
        assert_eq!(
            table.head,
            ["Period", "Energy used", "Capacity online at period end"]
        );
        assert_eq!(table.rows.len(), data.table_rows.len());
        let year = table.rows.iter().find(|(year, _)| year == "2029").unwrap();
        assert_eq!(year.1, ["14 TWh", "2 GW"]);
    }

    #[test]
    fn a_chart_of_one_bar_has_a_row_per_series_with_its_share() {
        let (scenario, outcome) = reported();
        let table = table(&charts::commitments(&scenario, &outcome));
        assert_eq!(table.head, ["", "Commitments", "Share"]);
        let rows: Vec<(&str, Vec<&str>)> = table
            .rows
            .iter()
            .map(|(name, cells)| (name.as_str(), cells.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                ("AWS existing", vec!["$38B", "6.33%"]),
                ("AWS expansion", vec!["$100B", "16.7%"]),
                ("CoreWeave", vec!["$22.4B", "3.73%"]),
                ("Other commitments", vec!["$440B", "73.3%"]),
            ]
        );
    }

    #[test]
    fn a_chart_over_a_single_year_is_still_by_period() {
        let (scenario, outcome) = reported();
        let mut data = charts::yearly_spend(&scenario, &outcome);
        data.categories.truncate(1);
        data.table_rows = vec![0];
        let table = table(&data);
        assert_eq!(table.head, ["Period", "AWS existing", "AWS expansion"]);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].0, "2025 (Nov–Dec)");
    }

    #[test]
    fn a_year_the_timeline_covers_in_part_says_which_months() {
        let (scenario, outcome) = reported();
        let table = table(&charts::compute(&scenario, &outcome));
        let headings: Vec<&str> = table.rows.iter().map(|(year, _)| year.as_str()).collect();
        // GW online for 2034 is February's: the heading says so rather than "year end".
        assert_eq!(headings.first(), Some(&"2025 (Nov–Dec)"));
        assert_eq!(headings.last(), Some(&"2034 (Jan–Feb)"));
        assert!(headings[1..headings.len() - 1]
            .iter()
            .all(|year| year.len() == 4));
    }

    #[test]
    fn a_missing_value_is_an_empty_cell() {
        let (scenario, outcome) = reported();
        let mut data = charts::cumulative(&scenario, &outcome);
        data.series[0].values.clear();
        let table = table(&data);
        assert!(table.rows.iter().all(|(_, cells)| cells[0].is_empty()));
        assert!(table.rows.iter().all(|(_, cells)| !cells[1].is_empty()));
    }
}
