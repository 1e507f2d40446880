//! The share link: the scenario as plain, hand-editable query parameters, holding only what differs from the deal
//! as reported. This format is the product's public interface; README.md documents it, and
//! `tests/link_fixtures.json` pins links written by each version to the figures they must keep showing.
//!
//! Reading never fails as a whole: each bad parameter becomes a [`LinkProblem`] and the reported value stands in
//! for it, while every good parameter still applies. Unknown parameters are ignored.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::format::{money_token, number_token, span_token};
use super::parse::{
    parse_gigawatts, parse_label, parse_money, parse_month, parse_ratio, parse_share, parse_span,
    parse_watts, parse_weights, ParseError, Scale, SpanUnit,
};
use super::scenario::{
    Agreement, Curve, Scenario, Tranche, MAX_AGREEMENTS, MAX_TRANCHES, RAMP_BOUNDS, TERM_BOUNDS,
};
use super::units::{CostPerGigawatt, Money, Months, PowerPrice, Pue, Share, Watts, YearMonth};

/// The version this build writes. Links without `v` are read as version 1.
pub const VERSION: u32 = 1;
/// Parameters past this many are not read: no scenario needs more, and a hostile link gains nothing.
const MAX_PARAMETERS: usize = 64;

/// A parameter that could not be used, and why, in words a reader can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkProblem {
    pub parameter: String,
    pub reason: String,
}

/// What a link says: the scenario it carries and what had to be left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub scenario: Scenario,
    pub problems: Vec<LinkProblem>,
}

/// The row a link's tranche `tN` starts from before its fields apply: the reported row, or for rows the report
/// does not have, a fixed template (frozen for version 1 so that old links keep their meaning).
fn base_tranche(base: &Scenario, index: usize) -> Tranche {
    base.tranches
        .get(index)
        .cloned()
        .unwrap_or_else(|| Tranche {
            id: 0,
            label: format!("Tranche {}", index.saturating_add(1)),
            amount: Money::ZERO,
            paid: YearMonth::new(2026, 3).unwrap_or(YearMonth::FIRST),
            probability: Share::ONE,
            lapses: None,
        })
}

fn base_agreement(base: &Scenario, index: usize) -> Agreement {
    base.agreements
        .get(index)
        .cloned()
        .unwrap_or_else(|| Agreement {
            id: 0,
            label: format!("Agreement {}", index.saturating_add(1)),
            total: Money::ZERO,
            start: YearMonth::new(2026, 3).unwrap_or(YearMonth::FIRST),
            term: Months::years(5),
            capacity: None,
            curve: Curve::Even,
        })
}

/// Writes the scenario as a query string without the leading `?`; empty for the deal as reported.
///
/// ```
/// use deal_calculator::model::{link, scenario::Scenario, units::Money};
/// let mut deal = Scenario::reported();
/// assert_eq!(link::encode(&deal), "");
/// deal.tranches[0].amount = Money::billions(20);
/// deal.context.burn_per_year = Money::billions(25);
/// assert_eq!(link::encode(&deal), "v=1&t1=~20B&burn=25B");
/// assert_eq!(link::decode(&link::encode(&deal)).scenario, deal);
/// ```
pub fn encode(scenario: &Scenario) -> String {
    let base = Scenario::reported_deal();
    let mut out = String::new();
    let mut put = |name: &str, value: &str| {
        let _ = write!(
            out,
            "{}{name}={value}",
            if out.is_empty() { "" } else { "&" }
        );
    };
    if scenario.tranches.len() != base.tranches.len() {
        put("tn", &scenario.tranches.len().to_string());
    }
    for (index, tranche) in scenario.tranches.iter().enumerate() {
        let fields = tranche_fields(tranche, &base_tranche(base, index));
        if let Some(fields) = fields {
            put(&format!("t{}", index.saturating_add(1)), &fields);
        }
    }
    if scenario.agreements.len() != base.agreements.len() {
        put("an", &scenario.agreements.len().to_string());
    }
    for (index, agreement) in scenario.agreements.iter().enumerate() {
        if let Some(fields) = agreement_fields(agreement, &base_agreement(base, index)) {
            put(&format!("a{}", index.saturating_add(1)), &fields);
        }
    }
    let (c, b) = (&scenario.compute, &base.compute);
    let scalars: [(&str, String, String); 11] = [
        ("ramp", span_token(c.ramp), span_token(b.ramp)),
        (
            "util",
            percent_token(c.utilisation),
            percent_token(b.utilisation),
        ),
        (
            "pue",
            number_token(c.pue.ratio()),
            number_token(b.pue.ratio()),
        ),
        (
            "price",
            number_token(c.power_price.money_per_mwh().dollars()),
            number_token(b.power_price.money_per_mwh().dollars()),
        ),
        (
            "watts",
            number_token(c.accelerator_power.value()),
            number_token(b.accelerator_power.value()),
        ),
        (
            "capex",
            money_token(c.capital_cost.money()),
            money_token(b.capital_cost.money()),
        ),
        (
            "burn",
            money_token(scenario.context.burn_per_year),
            money_token(base.context.burn_per_year),
        ),
        (
            "commit",
            money_token(scenario.context.total_commitments),
            money_token(base.context.total_commitments),
        ),
        (
            "coreweave",
            money_token(scenario.context.coreweave),
            money_token(base.context.coreweave),
        ),
        (
            "anthropic",
            money_token(scenario.context.anthropic),
            money_token(base.context.anthropic),
        ),
        (
            "rate",
            percent_token(scenario.discount_rate),
            percent_token(base.discount_rate),
        ),
    ];
    for (name, value, reported) in &scalars {
        if value != reported {
            put(name, value);
        }
    }
    if out.is_empty() {
        return out;
    }
    format!("v={VERSION}&{out}")
}

/// Percent without the sign, which a URL would have to escape: 60% is "60".
fn percent_token(share: Share) -> String {
    share.as_percent().to_string()
}

/// The row's fields joined by `~`, each left empty where it equals the base row; trailing empties dropped.
/// `None` when nothing differs.
fn tranche_fields(tranche: &Tranche, base: &Tranche) -> Option<String> {
    let lapse =
        |lapse: Option<YearMonth>| lapse.map_or_else(|| "none".to_string(), |m| m.to_string());
    join_fields(&[
        differing(escape_label(&tranche.label), escape_label(&base.label)),
        differing(money_token(tranche.amount), money_token(base.amount)),
        differing(tranche.paid.to_string(), base.paid.to_string()),
        differing(
            percent_token(tranche.probability),
            percent_token(base.probability),
        ),
        differing(lapse(tranche.lapses), lapse(base.lapses)),
    ])
}

fn agreement_fields(agreement: &Agreement, base: &Agreement) -> Option<String> {
    let capacity = |a: &Agreement| {
        a.capacity
            .map_or_else(|| "none".to_string(), |gw| number_token(gw.value()))
    };
    let curve = |a: &Agreement| match &a.curve {
        Curve::Custom(weights) => weights
            .iter()
            .map(|w| number_token(*w))
            .collect::<Vec<_>>()
            .join(","),
        named => named.code().to_string(),
    };
    join_fields(&[
        differing(escape_label(&agreement.label), escape_label(&base.label)),
        differing(money_token(agreement.total), money_token(base.total)),
        differing(agreement.start.to_string(), base.start.to_string()),
        differing(span_token(agreement.term), span_token(base.term)),
        differing(capacity(agreement), capacity(base)),
        differing(curve(agreement), curve(base)),
    ])
}

fn differing(value: String, base: String) -> String {
    if value == base {
        String::new()
    } else {
        value
    }
}

fn join_fields(fields: &[String]) -> Option<String> {
    let used = fields.iter().rposition(|field| !field.is_empty())?;
    Some(
        fields
            .iter()
            .take(used.saturating_add(1))
            .cloned()
            .collect::<Vec<_>>()
            .join("~"),
    )
}

/// Labels keep letters, digits and a few safe marks as they are; spaces become `+`; everything else is
/// percent-encoded UTF-8, so a label can never end a field or a parameter early.
fn escape_label(label: &str) -> String {
    escape(label, "+")
}

/// Text for a `data:` URL: escaped as labels are, except that a space is `%20`, since `+` means itself there.
pub fn percent_encode(text: &str) -> String {
    escape(text, "%20")
}

fn escape(text: &str, space: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'('
            | b')'
            | b'!'
            | b'*'
            | b'\'' => out.push(char::from(byte)),
            b' ' => out.push_str(space),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Decodes `+` and `%XX`; `None` for bytes that are not UTF-8.
fn unescape(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, after)) = rest.split_first() {
        rest = after;
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => match escaped_byte(rest) {
                Some(decoded) => {
                    bytes.push(decoded);
                    rest = rest.get(2..).unwrap_or_default();
                }
                // As URLSearchParams does: a sign without two hex digits after it is itself, so a hand-typed
                // `util=60%` reads as 60%, as the field does.
                None => bytes.push(b'%'),
            },
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

fn escaped_byte(after_sign: &[u8]) -> Option<u8> {
    let high = char::from(*after_sign.first()?).to_digit(16)?;
    let low = char::from(*after_sign.get(1)?).to_digit(16)?;
    u8::try_from(high.checked_mul(16)?.checked_add(low)?).ok()
}

/// Reads a query string (with or without the leading `?`). Never fails: see [`Decoded::problems`].
///
/// ```
/// use deal_calculator::model::link;
/// let decoded = link::decode("?t1=~20B&burn=lots&utm_source=news");
/// assert_eq!(decoded.scenario.tranches[0].amount.dollars().to_string(), "20000000000");
/// assert_eq!(decoded.problems.len(), 1);
/// assert_eq!(decoded.problems[0].parameter, "burn");
/// ```
pub fn decode(query: &str) -> Decoded {
    let base = Scenario::reported_deal();
    let mut scenario = base.clone();
    let mut problems = Vec::new();
    let mut problem = |parameter: &str, reason: String| {
        problems.push(LinkProblem {
            parameter: parameter.chars().take(24).collect(),
            reason,
        })
    };

    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or_default();
    let mut seen: Vec<String> = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut skipped = 0usize;
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(name) = unescape(name) else { continue };
        if !is_scenario_parameter(&name) {
            continue;
        }
        if seen.contains(&name) {
            problem(
                &name,
                "appears more than once: the first one is used".into(),
            );
            continue;
        }
        if pairs.len() >= MAX_PARAMETERS {
            skipped = skipped.saturating_add(1);
            continue;
        }
        seen.push(name.clone());
        pairs.push((name, value.to_string()));
    }
    if skipped > 0 {
        problem(
            "link",
            format!("has {skipped} more parameters than any scenario needs: they were ignored"),
        );
    }

    for (name, value) in &pairs {
        if name == "v" {
            if value != "1" {
                problem(
                    name,
                    format!(
                        "version {} is not known here: read as version {VERSION}",
                        short(value)
                    ),
                );
            }
            continue;
        }
        // Rows and their counts are read with their lists, below, so each problem is named once.
        if !SCALARS.contains(&name.as_str()) {
            continue;
        }
        if let Err(reason) = apply_scalar(&mut scenario, name, value) {
            problem(name, reason);
        }
    }

    let tranche_count = list_count(
        &pairs,
        "tn",
        't',
        base.tranches.len(),
        MAX_TRANCHES,
        "tranches",
        &mut problem,
    );
    let agreement_count = list_count(
        &pairs,
        "an",
        'a',
        base.agreements.len(),
        MAX_AGREEMENTS,
        "agreements",
        &mut problem,
    );
    scenario.tranches = (0..tranche_count)
        .map(|index| {
            let mut row = base_tranche(base, index);
            row.id = u32::try_from(index).unwrap_or(u32::MAX);
            if let Some((name, value)) = row_parameter(&pairs, 't', index) {
                for reason in apply_tranche_fields(&mut row, value) {
                    problem(name, reason);
                }
            }
            row
        })
        .collect();
    scenario.agreements = (0..agreement_count)
        .map(|index| {
            let mut row = base_agreement(base, index);
            row.id = u32::try_from(index).unwrap_or(u32::MAX);
            if let Some((name, value)) = row_parameter(&pairs, 'a', index) {
                for reason in apply_agreement_fields(&mut row, value) {
                    problem(name, reason);
                }
            }
            row
        })
        .collect();
    Decoded { scenario, problems }
}

/// Up to 24 characters of what the link said, for messages.
fn short(text: &str) -> String {
    let text = unescape(text).unwrap_or_else(|| text.to_string());
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(24).collect();
    if text.chars().count() > 24 {
        out.push('…');
    }
    out
}

/// The parameters that each hold one value of the scenario (read by [`apply_scalar`]).
const SCALARS: [&str; 11] = [
    "ramp",
    "util",
    "pue",
    "price",
    "watts",
    "capex",
    "burn",
    "commit",
    "coreweave",
    "anthropic",
    "rate",
];

fn is_scenario_parameter(name: &str) -> bool {
    ["v", "tn", "an"].contains(&name)
        || SCALARS.contains(&name)
        || row_index(name, 't').is_some()
        || row_index(name, 'a').is_some()
}

/// "t3" → Some(3) for the letter 't'; digits only, so "t03" or "t1x" are not rows.
fn row_index(name: &str, letter: char) -> Option<usize> {
    let digits = name.strip_prefix(letter)?;
    if digits.is_empty()
        || digits.len() > 6
        || digits.starts_with('0')
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    digits.parse().ok()
}

fn row_parameter(pairs: &[(String, String)], letter: char, index: usize) -> Option<(&str, &str)> {
    pairs
        .iter()
        .find(|(name, _)| row_index(name, letter) == Some(index.saturating_add(1)))
        .map(|(name, value)| (name.as_str(), value.as_str()))
}

/// How many rows a list has: the count parameter if valid, else the reported count or the highest row given.
fn list_count(
    pairs: &[(String, String)],
    count_name: &str,
    letter: char,
    reported: usize,
    max: usize,
    noun: &str,
    problem: &mut impl FnMut(&str, String),
) -> usize {
    let mut highest = reported;
    for (name, _) in pairs {
        if let Some(index) = row_index(name, letter) {
            if index > max {
                problem(name, format!("at most {max} {noun}: this row was ignored"));
            } else {
                highest = highest.max(index);
            }
        }
    }
    let Some((_, value)) = pairs.iter().find(|(name, _)| name == count_name) else {
        return highest;
    };
    match value.parse::<usize>() {
        Ok(count) if (1..=max).contains(&count) => count,
        _ => {
            problem(count_name, format!("must be a whole number from 1 to {max}: the reported {reported} {noun} are shown"));
            reported
        }
    }
}

/// "start: month must be between…"; an error that names its field already stands alone ("amount must be…", not
/// "amount: amount must be…").
fn field_error(field: &str, error: &ParseError) -> String {
    let error = error.to_string();
    if error
        .strip_prefix(field)
        .is_some_and(|rest| rest.starts_with(' '))
    {
        error
    } else {
        format!("{field}: {error}")
    }
}

fn apply_scalar(scenario: &mut Scenario, name: &str, raw: &str) -> Result<(), String> {
    let value = unescape(raw).ok_or_else(|| "is not valid text".to_string())?;
    let value = value.as_str();
    let money =
        |field: &str| parse_money(value, Scale::Billions).map_err(|e| field_error(field, &e));
    let compute = &mut scenario.compute;
    match name {
        "ramp" => {
            compute.ramp = parse_span(value, SpanUnit::Months, RAMP_BOUNDS.0, RAMP_BOUNDS.1)
                .map_err(|e| field_error("ramp", &e))?
        }
        "util" => {
            compute.utilisation = parse_share(value).map_err(|e| field_error("utilisation", &e))?
        }
        "pue" => {
            let ratio = parse_ratio(value, Decimal::ONE, Decimal::from(3u8))
                .map_err(|e| field_error("PUE", &e))?;
            compute.pue =
                Pue::new(ratio).ok_or_else(|| "PUE: must be between 1 and 3".to_string())?;
        }
        "price" => {
            compute.power_price = PowerPrice::per_mwh(
                parse_money(value, Scale::Dollars).map_err(|e| field_error("power price", &e))?,
            )
        }
        "watts" => {
            compute.accelerator_power = Watts::new(
                parse_watts(value).map_err(|e| field_error("power per accelerator", &e))?,
            )
        }
        "capex" => compute.capital_cost = CostPerGigawatt::new(money("capital cost per GW")?),
        "burn" => scenario.context.burn_per_year = money("burn per year")?,
        "commit" => scenario.context.total_commitments = money("total commitments")?,
        "coreweave" => scenario.context.coreweave = money("CoreWeave")?,
        "anthropic" => scenario.context.anthropic = money("Anthropic investment")?,
        "rate" => {
            scenario.discount_rate =
                parse_share(value).map_err(|e| field_error("discount rate", &e))?
        }
        _ => {}
    }
    Ok(())
}

/// Splits a row into at most `count` fields; more fields than that is a problem of its own.
fn row_fields(value: &str, count: usize) -> Result<Vec<String>, String> {
    let fields = value
        .split('~')
        .map(unescape)
        .collect::<Option<Vec<String>>>();
    let fields = fields.ok_or_else(|| "is not valid text".to_string())?;
    if fields.len() > count {
        return Err(format!(
            "has {} fields; a row has at most {count}",
            fields.len()
        ));
    }
    Ok(fields)
}

fn apply_tranche_fields(row: &mut Tranche, value: &str) -> Vec<String> {
    let fields = match row_fields(value, 5) {
        Ok(fields) => fields,
        Err(reason) => return vec![reason],
    };
    let mut problems = Vec::new();
    for (position, field) in fields
        .iter()
        .enumerate()
        .filter(|(_, field)| !field.is_empty())
    {
        let result = match position {
            0 => parse_label(field)
                .map(|label| row.label = label)
                .map_err(|e| field_error("label", &e)),
            1 => parse_money(field, Scale::Billions)
                .map(|m| row.amount = m)
                .map_err(|e| field_error("amount", &e)),
            2 => parse_month(field)
                .map(|m| row.paid = m)
                .map_err(|e| field_error("month", &e)),
            3 => parse_share(field)
                .map(|p| row.probability = p)
                .map_err(|e| field_error("probability", &e)),
            _ if field == "none" => {
                row.lapses = None;
                Ok(())
            }
            _ => parse_month(field)
                .map(|m| row.lapses = Some(m))
                .map_err(|e| field_error("lapse date", &e)),
        };
        if let Err(reason) = result {
            problems.push(reason);
        }
    }
    problems
}

fn apply_agreement_fields(row: &mut Agreement, value: &str) -> Vec<String> {
    let fields = match row_fields(value, 6) {
        Ok(fields) => fields,
        Err(reason) => return vec![reason],
    };
    let mut problems = Vec::new();
    for (position, field) in fields
        .iter()
        .enumerate()
        .filter(|(_, field)| !field.is_empty())
    {
        let result = match position {
            0 => parse_label(field)
                .map(|label| row.label = label)
                .map_err(|e| field_error("label", &e)),
            1 => parse_money(field, Scale::Billions)
                .map(|m| row.total = m)
                .map_err(|e| field_error("total", &e)),
            2 => parse_month(field)
                .map(|m| row.start = m)
                .map_err(|e| field_error("start", &e)),
            3 => parse_span(field, SpanUnit::Years, TERM_BOUNDS.0, TERM_BOUNDS.1)
                .map(|t| row.term = t)
                .map_err(|e| field_error("term", &e)),
            4 if field == "none" => {
                row.capacity = None;
                Ok(())
            }
            4 => parse_gigawatts(field)
                .map(|gw| row.capacity = Some(gw))
                .map_err(|e| field_error("capacity", &e)),
            _ => parse_curve(field)
                .map(|curve| row.curve = curve)
                .map_err(|e| field_error("curve", &e)),
        };
        if let Err(reason) = result {
            problems.push(reason);
        }
    }
    problems
}

/// "even", "ramp", "front", "back", or weights "1,2,3".
///
/// # Errors
/// [`ParseError::CurveNotRecognised`], or the weights' own error.
pub fn parse_curve(text: &str) -> Result<Curve, ParseError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "even" => Ok(Curve::Even),
        "ramp" | "ramp-up" => Ok(Curve::RampUp),
        "front" | "front-loaded" => Ok(Curve::FrontLoaded),
        "back" | "back-loaded" => Ok(Curve::BackLoaded),
        other if other.starts_with(|c: char| c.is_ascii_digit()) => {
            parse_weights(other).map(Curve::Custom)
        }
        _ => Err(ParseError::CurveNotRecognised),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::Gigawatts;
    use rust_decimal_macros::dec;

    #[test]
    fn the_reported_deal_is_the_bare_link() {
        assert_eq!(encode(&Scenario::reported()), "");
        assert_eq!(
            decode(""),
            Decoded {
                scenario: Scenario::reported(),
                problems: vec![]
            }
        );
    }

    #[test]
    fn a_journalist_can_change_the_gigawatts_by_hand() {
        let decoded = decode("v=1&a2=~~~~3");
        assert!(decoded.problems.is_empty());
        assert_eq!(
            decoded.scenario.agreements[1].capacity,
            Some(Gigawatts::new(dec!(3)))
        );
    }

    #[test]
    fn labels_survive_any_characters() {
        let mut deal = Scenario::reported();
        deal.tranches[0].label = "<script>&~=#% \"é\" 🚀".into();
        let query = encode(&deal);
        assert!(!query.contains('<') && !query.contains(' ') && !query.contains('"'));
        assert_eq!(decode(&query).scenario, deal);
    }

    #[test]
    fn removed_and_added_rows_round_trip() {
        let mut deal = Scenario::reported();
        deal.tranches.remove(0);
        deal.tranches[0].id = 0;
        let mut extra = deal.new_agreement();
        extra.id = 2;
        deal.agreements.push(extra);
        assert_eq!(decode(&encode(&deal)).scenario, deal);
    }

    #[test]
    fn bad_parameters_are_named_and_the_rest_applies() {
        let decoded =
            decode("v=7&t1=~lots~2026-04&burn=-5B&rate=8&t13=~1B&tn=40&utm_source=x&fbclid=y");
        let named: Vec<&str> = decoded
            .problems
            .iter()
            .map(|p| p.parameter.as_str())
            .collect();
        assert_eq!(named, vec!["v", "burn", "t13", "tn", "t1"]);
        assert_eq!(decoded.scenario.tranches.len(), 2);
        assert_eq!(decoded.scenario.tranches[0].paid.to_string(), "2026-04");
        assert_eq!(decoded.scenario.tranches[0].amount, Money::billions(15));
        assert_eq!(
            decoded.problems[1].reason,
            "burn per year: must not be negative"
        );
    }

    #[test]
    fn a_row_field_is_named_once() {
        let reasons = |query| {
            decode(query)
                .problems
                .into_iter()
                .map(|p| p.reason)
                .collect::<Vec<_>>()
        };
        assert_eq!(reasons("t1=~999T"), ["amount must be between $0 and $10T"]);
        assert_eq!(
            reasons("t2=~~2050-01"),
            ["month must be between Jan 2020 and Dec 2045"]
        );
        // Where the error names another field, the row's field still comes first.
        assert_eq!(
            reasons("a1=~~2050-01"),
            ["start: month must be between Jan 2020 and Dec 2045"]
        );
    }

    #[test]
    fn duplicates_keep_the_first() {
        let decoded = decode("burn=9B&burn=10B");
        assert_eq!(decoded.scenario.context.burn_per_year, Money::billions(9));
        assert_eq!(
            decoded.problems[0].reason,
            "appears more than once: the first one is used"
        );
    }

    #[test]
    fn broken_escapes_read_without_panics() {
        for query in [
            "t1=%",
            "t1=%G1",
            "t1=%FF%FE",
            "%=%",
            "a1=~~~~~~~~",
            "=&&=",
            "t0=1",
            "t99999999999=1",
        ] {
            let _ = decode(query);
        }
        assert_eq!(decode("t1=%FF").problems[0].reason, "is not valid text");
        // Named once, by the list that reads the row (or the count), not again as a scenario value.
        assert_eq!(decode("v=1&t1=%E0%A4%A").problems.len(), 1);
        let count = decode("tn=%FF").problems;
        assert_eq!(count.len(), 1);
        assert!(count[0].reason.starts_with("must be a whole number"));
        // A sign without two hex digits after it is itself, however the text around it ends.
        for text in ["%", "%4", "%é", "%4é", "a%"] {
            assert_eq!(unescape(text).as_deref(), Some(text), "{text}");
        }
    }

    #[test]
    fn a_percent_sign_reads_as_in_the_field() {
        // Hand-typed, unescaped, and escaped as a browser would: all 60%.
        for query in ["util=60%", "util=60%25", "util=60"] {
            let decoded = decode(query);
            assert!(
                decoded.problems.is_empty(),
                "{query}: {:?}",
                decoded.problems
            );
            assert_eq!(
                decoded
                    .scenario
                    .compute
                    .utilisation
                    .as_percent()
                    .to_string(),
                "60",
                "{query}"
            );
        }
        // A sign without two hex digits after it is itself, as URLSearchParams reads it.
        assert_eq!(unescape("50%off%2"), Some("50%off%2".to_string()));
        assert_eq!(unescape("%41%4a"), Some("AJ".to_string()));
        assert_eq!(
            decode("rate=5%25%25").problems[0].reason,
            "discount rate: not a number: use digits, e.g. 60 or 60%"
        );
    }
}
