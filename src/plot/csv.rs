//! A chart's numbers as CSV, for a spreadsheet ("Get the data"): every period, not only the rows the table
//! shows, and exact values rather than "$15.2B".

use std::fmt::Write;

use rust_decimal::Decimal;

use super::charts::{ChartData, ValueUnit};

/// The file: a byte-order mark (without it, Excel reads UTF-8 as another code page and garbles "−" and "’"),
/// a header row with each column's unit, then one row per period. Lines end in CRLF, as RFC 4180 has them.
/// A yearly chart whose timeline covers some years in part gets a last column with the months each row covers:
/// the period stays a plain year that a spreadsheet reads as a number, and a short year is not taken for a
/// slow one.
pub fn chart_csv(data: &ChartData) -> String {
    let months_column = !data.partial.is_empty();
    let mut out = String::from("\u{feff}");
    push_text(&mut out, data.category_heading(), "");
    for series in &data.series {
        out.push(',');
        push_text(&mut out, &series.name, unit_suffix(data.unit));
    }
    if let Some(extra) = &data.extra {
        out.push(',');
        push_text(&mut out, &extra.heading, unit_suffix(extra.unit));
    }
    if months_column {
        out.push_str(",Months covered");
    }
    for (index, category) in data.categories.iter().enumerate() {
        out.push_str("\r\n");
        push_text(&mut out, category, "");
        for series in &data.series {
            push_number(&mut out, series.values.get(index));
        }
        if let Some(extra) = &data.extra {
            push_number(&mut out, extra.values.get(index));
        }
        if months_column {
            out.push(',');
            push_text(
                &mut out,
                data.partial_months(index).unwrap_or(WHOLE_YEAR),
                "",
            );
        }
    }
    out.push_str("\r\n");
    out
}

const WHOLE_YEAR: &str = "Jan–Dec";

/// The CSV's media type, for [`super::data_url`].
pub const MEDIA_TYPE: &str = "text/csv;charset=utf-8";

fn unit_suffix(unit: ValueUnit) -> &'static str {
    match unit {
        ValueUnit::Money => " (US$)",
        ValueUnit::Gigawatts => " (GW)",
        ValueUnit::TerawattHours => " (TWh)",
    }
}

/// A comma, then the exact value; nothing after the comma when there is no value, never a made-up zero.
fn push_number(out: &mut String, value: Option<&Decimal>) {
    out.push(',');
    if let Some(value) = value {
        let _ = write!(out, "{}", value.normalize());
    }
}

/// Text, then `suffix`, as one cell: quoted when it holds a comma, a quote or a line break. Text a spreadsheet
/// would run as a formula (a reader's label such as "=HYPERLINK(…)") gets a leading apostrophe, so it stays text.
fn push_text(out: &mut String, text: &str, suffix: &str) {
    let guard = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    if text.contains([',', '"', '\n', '\r']) {
        let _ = write!(out, "\"{guard}{}{suffix}\"", text.replace('"', "\"\""));
    } else {
        let _ = write!(out, "{guard}{text}{suffix}");
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::scenario::Scenario;
    use crate::model::Outcome;
    use crate::plot::charts::{self, Column, Series};

    fn chart(series_name: &str, categories: &[&str], values: Vec<Decimal>) -> ChartData {
        ChartData {
            title: "Test".into(),
            description: String::new(),
            unit: ValueUnit::Money,
            categories: categories.iter().map(|c| c.to_string()).collect(),
            x_ticks: Vec::new(),
            series: vec![Series {
                name: series_name.into(),
                class: "series-1",
                dashed: false,
                values,
            }],
            markers: Vec::new(),
            notes: Vec::new(),
            partial: Vec::new(),
            table_rows: Vec::new(),
            extra: None,
            parts_of_whole: false,
        }
    }

    #[test]
    fn a_chart_is_a_header_and_one_row_per_period_with_exact_values() {
        let data = chart(
            "Spend",
            &["2026", "2027"],
            vec![dec!(15000000000.00), dec!(-2.50)],
        );
        assert_eq!(
            chart_csv(&data),
            "\u{feff}Period,Spend (US$)\r\n2026,15000000000\r\n2027,-2.5\r\n"
        );
    }

    #[test]
    fn a_reader_label_stays_text_in_a_spreadsheet() {
        let data = chart("=HYPERLINK(\"x\",\"y\")", &["a, b"], vec![dec!(1)]);
        assert_eq!(
            chart_csv(&data),
            "\u{feff}Period,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\") (US$)\"\r\n\"a, b\",1\r\n"
        );
    }

    #[test]
    fn the_extra_column_has_its_own_unit() {
        let data = ChartData {
            extra: Some(Column {
                heading: "Online".into(),
                unit: ValueUnit::Gigawatts,
                values: vec![dec!(0.5)],
            }),
            ..chart("Energy", &["2027", "2028"], vec![dec!(1), dec!(2)])
        };
        // A missing value is an empty cell, never a made-up zero.
        assert_eq!(
            chart_csv(&data),
            "\u{feff}Period,Energy (US$),Online (GW)\r\n2027,1,0.5\r\n2028,2,\r\n"
        );
    }

    #[test]
    fn a_partial_year_keeps_a_plain_year_and_names_its_months_in_a_column() {
        let data = ChartData {
            partial: vec![(0, "Mar–Dec".into()), (2, "Jan–Feb".into())],
            ..chart(
                "Spend",
                &["2026", "2027", "2028"],
                vec![dec!(1), dec!(2), dec!(3)],
            )
        };
        assert_eq!(
            chart_csv(&data),
            "\u{feff}Period,Spend (US$),Months covered\r\n2026,1,Mar–Dec\r\n2027,2,Jan–Dec\r\n2028,3,Jan–Feb\r\n"
        );
    }

    #[test]
    fn the_cumulative_chart_lists_every_month_and_ends_at_the_totals() {
        let scenario = Scenario::reported();
        let outcome = Outcome::compute(&scenario).unwrap();
        let data = charts::cumulative(&scenario, &outcome);
        let csv = chart_csv(&data);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), data.categories.len() + 1);
        assert!(
            lines[0].contains("Amazon's investment (US$)"),
            "{}",
            lines[0]
        );
        let investment = data
            .series
            .iter()
            .position(|s| s.name == "Amazon's investment")
            .unwrap();
        let last: Vec<&str> = lines.last().unwrap().split(',').collect();
        assert_eq!(last[investment + 1], "50000000000");
    }
}
