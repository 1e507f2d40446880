//! A reader's text becomes a bounded value here, once; everything after this trusts the value.
//!
//! Forms and share links go through the same functions, so "15B" means the same in both. Every failure is a
//! [`ParseError`] whose message says what to type instead.

use crate::model::arith::Checked;
use std::fmt;

use rust_decimal::Decimal;

use super::format::group_thousands;
use super::units::{Gigawatts, Money, Months, Share, YearMonth, MONTH_NAMES};

/// Why a reader's text was not taken. Messages are lowercase and say what would work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NotANumber,
    /// Commas that do not group thousands ("1,5"): most likely a decimal comma, refused rather than guessed.
    DecimalComma,
    /// Not a number, in a money field: the message shows the suffixes it takes.
    NotAnAmount,
    /// Not a number, in a percentage field.
    NotAPercentage,
    /// Not a number, in a field of some other quantity: `example` shows what it takes.
    NotAQuantity {
        example: &'static str,
    },
    /// A number with a unit the field does not know: `units` says which it does.
    UnknownUnit {
        units: &'static str,
    },
    /// A bare number in billions too large to be billions, but too small to be a pasted dollar figure: most
    /// likely dollars or millions, as filings write them. The message suggests the reader's `number` written
    /// either way.
    BareBillionsOutOfRange {
        number: Decimal,
    },
    TooManyDigits,
    Negative,
    AmountOutOfRange {
        max: &'static str,
    },
    CapacityOutOfRange,
    ShareOutOfRange,
    MonthNotRecognised,
    MonthOutOfRange,
    TermOutOfRange {
        min: &'static str,
        max: &'static str,
    },
    RatioOutOfRange {
        min: &'static str,
        max: &'static str,
    },
    WattsOutOfRange,
    WeightsNotRecognised,
    WeightsAllZero,
    TooManyWeights,
    LabelTooLong,
    EmptyLabel,
    CurveNotRecognised,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => f.write_str("enter a value"),
            ParseError::NotANumber => f.write_str("not a number: use digits and a decimal point"),
            ParseError::DecimalComma => f.write_str(
                "a comma groups thousands, as in 15,000: for a decimal use a point, as in 1.5",
            ),
            ParseError::NotAnAmount => {
                f.write_str("not a number: use digits, e.g. 15, 15B or 1,500M")
            }
            ParseError::NotAPercentage => f.write_str("not a number: use digits, e.g. 60 or 60%"),
            ParseError::NotAQuantity { example } => {
                write!(f, "not a number: use digits, e.g. {example}")
            }
            ParseError::UnknownUnit { units } => write!(f, "unit not recognised: use {units}"),
            ParseError::BareBillionsOutOfRange { number } => {
                // Under a million, so a thousandth of it always fits.
                let thousands = number.times(Decimal::new(1, 3)).unwrap_or_default();
                write!(
                    f,
                    "with no K, M, B or T this is billions, over $10T: try {}K (dollars) or {}M (millions)",
                    thousands.normalize(),
                    group_thousands(*number)
                )
            }
            ParseError::TooManyDigits => f.write_str("too many digits: use a suffix, e.g. 1.2T"),
            ParseError::Negative => f.write_str("must not be negative"),
            ParseError::AmountOutOfRange { max } => {
                write!(f, "amount must be between $0 and {max}")
            }
            ParseError::CapacityOutOfRange => {
                f.write_str("capacity must be between 0 and 1,000 GW")
            }
            ParseError::ShareOutOfRange => f.write_str("must be between 0% and 100%"),
            ParseError::MonthNotRecognised => {
                f.write_str("month not recognised: use e.g. 2026-03 or Mar 2026")
            }
            ParseError::MonthOutOfRange => {
                f.write_str("month must be between Jan 2020 and Dec 2045")
            }
            ParseError::TermOutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            ParseError::RatioOutOfRange { min, max } => {
                write!(f, "must be between {min} and {max}")
            }
            ParseError::WattsOutOfRange => {
                f.write_str("power must be between 100 W and 20 kW per accelerator")
            }
            ParseError::WeightsNotRecognised => {
                f.write_str("weights not recognised: use e.g. 1,2,3 (one per year)")
            }
            ParseError::WeightsAllZero => f.write_str("at least one weight must be above zero"),
            ParseError::TooManyWeights => f.write_str("at most 30 weights, one per year"),
            ParseError::LabelTooLong => f.write_str("label must be at most 40 characters"),
            ParseError::EmptyLabel => f.write_str("enter a label"),
            ParseError::CurveNotRecognised => f.write_str(
                "curve not recognised: use even, ramp, front, back or weights like 1,2,3",
            ),
        }
    }
}

impl std::error::Error for ParseError {}

impl ParseError {
    /// This error as a field of one kind says it: `not_a_number` in place of the plain [`ParseError::NotANumber`].
    fn in_field(self, not_a_number: ParseError) -> ParseError {
        match self {
            ParseError::NotANumber => not_a_number,
            other => other,
        }
    }
}

/// What a bare number means in a field where the reader did not type a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Dollars,
    Billions,
}

/// The largest amount any money field takes.
pub const MAX_AMOUNT: Money =
    Money::from_dollars(Decimal::from_parts(1_316_134_912, 2_328, 0, false, 0));

/// Parses an amount of money: "15", "15B", "$15bn", "15,000M", "1.2T", "15 billion", "$350 million".
///
/// A bare number is read in `scale`; in billions, one of a million or more, which cannot be billions (the most
/// is 10,000), is read in dollars, as pasted from a filing. The result is rounded to the cent and must lie
/// between $0 and $10T.
///
/// ```
/// use deal_calculator::model::parse::{parse_money, Scale};
/// use deal_calculator::model::units::Money;
/// for text in ["15", "15B", "$15bn", "15,000M", "15 billion", "0.015T", "$15,000,000,000"] {
///     assert_eq!(parse_money(text, Scale::Billions), Ok(Money::billions(15)), "{text}");
/// }
/// assert!(parse_money("-3B", Scale::Billions).is_err());
/// ```
///
/// # Errors
/// Empty text, text that is not a number, negative amounts and amounts over $10T.
pub fn parse_money(text: &str, scale: Scale) -> Result<Money, ParseError> {
    let text = text.trim();
    let text = text
        .strip_prefix("US$")
        .or_else(|| text.strip_prefix('$'))
        .unwrap_or(text);
    // A price per MWh is tens of dollars: its example is one, not billions.
    let not_a_number = match scale {
        Scale::Dollars => ParseError::NotAQuantity {
            example: "81 or $81",
        },
        Scale::Billions => ParseError::NotAnAmount,
    };
    let (number, unit) = split_number(text).map_err(|e| e.in_field(not_a_number.clone()))?;
    let multiplier = match unit.to_ascii_lowercase().trim_end_matches('.') {
        "" => match scale {
            // Over 10,000 (billions, the most) and under a million (dollars, as pasted), it is neither.
            Scale::Billions if number < Decimal::from(1_000_000u32) => {
                if number > Decimal::from(10_000u32) {
                    // To the cent, as an amount is kept, so the suggestion is no longer than it need be.
                    return Err(ParseError::BareBillionsOutOfRange {
                        number: number.round_dp(2),
                    });
                }
                Decimal::from(1_000_000_000u32)
            }
            Scale::Dollars | Scale::Billions => Decimal::ONE,
        },
        "k" | "thousand" => Decimal::from(1_000u32),
        "m" | "mn" | "mm" | "mil" | "million" | "millions" => Decimal::from(1_000_000u32),
        "b" | "bn" | "bil" | "billion" | "billions" => Decimal::from(1_000_000_000u32),
        "t" | "tn" | "trillion" | "trillions" => Decimal::from(1_000_000_000_000u64),
        _ => return Err(not_a_number),
    };
    let max = match scale {
        Scale::Dollars => MAX_PRICE,
        Scale::Billions => MAX_AMOUNT,
    };
    let dollars = number
        .times(multiplier)
        .ok_or(ParseError::AmountOutOfRange {
            max: max_label(scale),
        })?;
    let money = Money::from_dollars(dollars).round_cents();
    if money > max {
        return Err(ParseError::AmountOutOfRange {
            max: max_label(scale),
        });
    }
    Ok(money)
}

/// The largest price a per-unit dollar field (power price) takes: $10,000.
const MAX_PRICE: Money = Money::from_dollars(Decimal::from_parts(10_000, 0, 0, false, 0));

fn max_label(scale: Scale) -> &'static str {
    match scale {
        Scale::Dollars => "$10,000",
        Scale::Billions => "$10T",
    }
}

/// Parses a capacity: "2", "2 GW", "2000 MW", "2gw". Between 0 and 1,000 GW.
///
/// ```
/// use deal_calculator::model::parse::parse_gigawatts;
/// assert_eq!(parse_gigawatts("2000 MW"), parse_gigawatts("2 GW"));
/// ```
///
/// # Errors
/// Empty or non-numeric text, an unknown unit, negative or over 1,000 GW.
pub fn parse_gigawatts(text: &str) -> Result<Gigawatts, ParseError> {
    let (number, unit) = split_number(text.trim()).map_err(|e| {
        e.in_field(ParseError::NotAQuantity {
            example: "2 or 2 GW",
        })
    })?;
    let gigawatts = match unit.to_ascii_lowercase().as_str() {
        "" | "gw" => number,
        "mw" => number
            .checked_div(Decimal::from(1_000u32))
            .ok_or(ParseError::CapacityOutOfRange)?,
        "tw" => number
            .times(Decimal::from(1_000u32))
            .ok_or(ParseError::CapacityOutOfRange)?,
        _ => {
            return Err(ParseError::UnknownUnit {
                units: "GW or MW, e.g. 2000 MW",
            })
        }
    };
    if gigawatts > Decimal::from(1_000u32) {
        return Err(ParseError::CapacityOutOfRange);
    }
    Ok(Gigawatts::new(gigawatts.normalize()))
}

/// Parses a share: "60%" and "60" are both 60%. A bare number is a percentage, as the field's "%" and the link's
/// `rate=1` say: reading numbers up to 1 as fractions made a typed discount rate of "1" 100%, and a reader typing
/// "15" saw 100% on the way.
///
/// ```
/// use deal_calculator::model::parse::parse_share;
/// assert_eq!(parse_share("60%"), parse_share("60"));
/// assert_eq!(parse_share("0.5").map(|s| s.as_percent().to_string()).as_deref(), Ok("0.5"));
/// assert!(parse_share("101%").is_err());
/// ```
///
/// # Errors
/// Empty or non-numeric text, negative, or over 100%.
pub fn parse_share(text: &str) -> Result<Share, ParseError> {
    let (number, unit) =
        split_number(text.trim()).map_err(|e| e.in_field(ParseError::NotAPercentage))?;
    let fraction = match unit {
        "%" | "" => number
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or(ParseError::ShareOutOfRange)?,
        _ => return Err(ParseError::NotAPercentage),
    };
    Share::new(fraction).ok_or(ParseError::ShareOutOfRange)
}

/// Parses a month: "2026-03", "2026-3", "03/2026", "Mar 2026", "March 2026". Between Jan 2020 and Dec 2045.
///
/// ```
/// use deal_calculator::model::parse::parse_month;
/// assert_eq!(parse_month("Mar 2026"), parse_month("2026-03"));
/// assert!(parse_month("2019-12").is_err());
/// ```
///
/// # Errors
/// Empty text, a form it does not know, or a month outside 2020–2045.
pub fn parse_month(text: &str) -> Result<YearMonth, ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let (year, month) = if let Some((year, month)) = text.split_once('-') {
        (year, month)
    } else if let Some((month, year)) = text.split_once('/') {
        (year, month)
    } else if let Some((name, year)) = text.split_once(' ') {
        let name = name.trim_end_matches(['.', ',']).to_ascii_lowercase();
        let month = month_from_name(&name).ok_or(ParseError::MonthNotRecognised)?;
        let year: u16 = small_number(year.trim())?;
        return input_month(year, month);
    } else {
        return Err(ParseError::MonthNotRecognised);
    };
    let year: u16 = small_number(year.trim())?;
    let month: u8 = small_number(month.trim())?;
    if !(1..=12).contains(&month) {
        return Err(ParseError::MonthNotRecognised);
    }
    input_month(year, month)
}

/// A month a reader may type: 2020 to 2045.
fn input_month(year: u16, month: u8) -> Result<YearMonth, ParseError> {
    if year > YearMonth::LAST_INPUT_YEAR {
        return Err(ParseError::MonthOutOfRange);
    }
    YearMonth::new(year, month).ok_or(ParseError::MonthOutOfRange)
}

fn month_from_name(name: &str) -> Option<u8> {
    if name.len() < 3 {
        return None;
    }
    let position = MONTH_NAMES.iter().position(|short| {
        let short = short.to_ascii_lowercase();
        name.starts_with(&short) && FULL_MONTH_NAMES.iter().any(|full| full.starts_with(name))
    })?;
    u8::try_from(position).ok().map(|p| p.saturating_add(1))
}

const FULL_MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn small_number<T: std::str::FromStr>(text: &str) -> Result<T, ParseError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::MonthNotRecognised);
    }
    text.parse().map_err(|_| ParseError::MonthNotRecognised)
}

/// What a bare number means in a span field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanUnit {
    Months,
    Years,
}

/// Parses a span: "7y", "7 years", "84m", "84 months"; a bare number is read in `unit`. Whole months only
/// ("7.5 years" is 90 months; "7.3 years" is refused). Must lie within `min..=max`.
///
/// ```
/// use deal_calculator::model::parse::{parse_span, SpanUnit};
/// use deal_calculator::model::units::Months;
/// assert_eq!(parse_span("8", SpanUnit::Years, Months::new(1), Months::years(25)), Ok(Months::years(8)));
/// assert_eq!(parse_span("96 months", SpanUnit::Years, Months::new(1), Months::years(25)), Ok(Months::years(8)));
/// ```
///
/// # Errors
/// Empty or non-numeric text, a span that is not a whole number of months, or outside the bounds.
pub fn parse_span(
    text: &str,
    unit: SpanUnit,
    min: Months,
    max: Months,
) -> Result<Months, ParseError> {
    let out_of_range = || ParseError::TermOutOfRange {
        min: span_label(min),
        max: span_label(max),
    };
    let (example, units) = match unit {
        SpanUnit::Years => ("8 or 8 years", "years or months, e.g. 96 months"),
        SpanUnit::Months => ("6 or 6 months", "months or years, e.g. 1 year"),
    };
    let (number, suffix) =
        split_number(text.trim()).map_err(|e| e.in_field(ParseError::NotAQuantity { example }))?;
    let unit = match suffix.to_ascii_lowercase().as_str() {
        "" => unit,
        "y" | "yr" | "yrs" | "year" | "years" => SpanUnit::Years,
        "m" | "mo" | "mos" | "month" | "months" => SpanUnit::Months,
        _ => return Err(ParseError::UnknownUnit { units }),
    };
    let months = match unit {
        SpanUnit::Months => number,
        SpanUnit::Years => number.times(Decimal::from(12u8)).ok_or_else(out_of_range)?,
    };
    // Compared with its whole part rather than asking for `fract()`, whose subtraction (the panicking `-`,
    // otherwise unused) would ship 1.9 KB of WebAssembly for this one check.
    if months != months.trunc() {
        return Err(ParseError::TermOutOfRange {
            min: span_label(min),
            max: "a whole number of months",
        });
    }
    let months = u16::try_from(months.trunc().mantissa()).map_err(|_| out_of_range())?;
    let months = Months::new(months);
    if months < min || months > max {
        return Err(out_of_range());
    }
    Ok(months)
}

/// Human bounds for the spans the scenario uses.
fn span_label(span: Months) -> &'static str {
    match span.count() {
        0 => "0 months",
        1 => "1 month",
        12 => "1 year",
        60 => "5 years",
        120 => "10 years",
        300 => "25 years",
        _ => "the allowed range",
    }
}

/// Parses a plain bounded ratio (PUE): a bare decimal between `min` and `max`.
///
/// # Errors
/// Empty or non-numeric text, or outside the bounds.
pub fn parse_ratio(text: &str, min: Decimal, max: Decimal) -> Result<Decimal, ParseError> {
    let (number, unit) = split_number(text.trim())?;
    if !unit.is_empty() && unit != "x" && unit != "×" {
        return Err(ParseError::NotANumber);
    }
    if number < min || number > max {
        return Err(ParseError::RatioOutOfRange {
            min: ratio_label(min),
            max: ratio_label(max),
        });
    }
    Ok(number.normalize())
}

fn ratio_label(bound: Decimal) -> &'static str {
    if bound == Decimal::ONE {
        "1"
    } else if bound == Decimal::from(3u8) {
        "3"
    } else {
        "the allowed range"
    }
}

/// Parses a power per accelerator: "1300", "1300 W", "1.3 kW". Between 100 W and 20 kW.
///
/// # Errors
/// Empty or non-numeric text, an unknown unit, or outside the bounds.
pub fn parse_watts(text: &str) -> Result<Decimal, ParseError> {
    let (number, unit) = split_number(text.trim()).map_err(|e| {
        e.in_field(ParseError::NotAQuantity {
            example: "1300 or 1300 W",
        })
    })?;
    let watts = match unit.to_ascii_lowercase().as_str() {
        "" | "w" => number,
        "kw" => number
            .times(Decimal::from(1_000u32))
            .ok_or(ParseError::WattsOutOfRange)?,
        _ => {
            return Err(ParseError::UnknownUnit {
                units: "W or kW, e.g. 1.3 kW",
            })
        }
    };
    if watts < Decimal::ONE_HUNDRED || watts > Decimal::from(20_000u32) {
        return Err(ParseError::WattsOutOfRange);
    }
    Ok(watts.normalize())
}

/// Parses per-year weights for a custom spend curve: "1,2,3" or "1-2-3" or "1 2 3". At most 30 weights, none
/// negative, at least one above zero.
///
/// # Errors
/// Text that is not a list of numbers, a negative weight, more than 30 weights, or all zero.
pub fn parse_weights(text: &str) -> Result<Vec<Decimal>, ParseError> {
    if has_minus_sign(text) {
        return Err(ParseError::Negative);
    }
    let parts: Vec<&str> = text
        .split([',', '-', ' ', ';', '_'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    if parts.is_empty() {
        return Err(ParseError::WeightsNotRecognised);
    }
    if parts.len() > 30 {
        return Err(ParseError::TooManyWeights);
    }
    let weights = parts
        .iter()
        .map(|part| match split_number(part) {
            Ok((weight, "")) if weight <= Decimal::from(1_000u32) => Ok(weight.normalize()),
            _ => Err(ParseError::WeightsNotRecognised),
        })
        .collect::<Result<Vec<Decimal>, ParseError>>()?;
    if weights.iter().all(Decimal::is_zero) {
        return Err(ParseError::WeightsAllZero);
    }
    Ok(weights)
}

/// Whether a list of weights holds a minus sign: a hyphen with no number before it ("-2", "1,-2", "1--2"), or one
/// set apart before a number ("1 -2"). Between numbers a hyphen separates them ("1-2-3", "1 - 2"). Splitting on every
/// hyphen, as the list does, would otherwise read a negative weight as a positive one without a word.
fn has_minus_sign(text: &str) -> bool {
    let is_number = |c: &char| c.is_ascii_digit() || *c == '.';
    let (mut previous, mut previous_seen) = (None::<char>, None::<char>);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' {
            let after_number = previous_seen.as_ref().is_some_and(is_number);
            let set_apart =
                previous.is_some_and(char::is_whitespace) && chars.peek().is_some_and(is_number);
            if !after_number || set_apart {
                return true;
            }
        }
        previous = Some(c);
        if !c.is_whitespace() {
            previous_seen = Some(c);
        }
    }
    false
}

/// The characters a label may not hold: controls, and the invisible ones that reorder or hide text.
fn is_hidden_character(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
        // Noncharacters: no text means them, and an XML file (a chart saved as SVG) may not hold them.
        || matches!(c, '\u{FDD0}'..='\u{FDEF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Cleans a label: drops control, zero-width and direction-override characters, folds runs of white space, trims.
/// Labels are always shown as text, never markup; this only keeps them honest to the eye.
///
/// # Errors
/// Nothing left after cleaning, or more than 40 characters.
pub fn parse_label(text: &str) -> Result<String, ParseError> {
    let cleaned: String = text.chars().filter(|c| !is_hidden_character(*c)).collect();
    let folded = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        return Err(ParseError::EmptyLabel);
    }
    if folded.chars().count() > 40 {
        return Err(ParseError::LabelTooLong);
    }
    Ok(folded)
}

/// Splits "15.5 bn" into the exact number 15.5 and the unit "bn". Accepts thousands separators ("15,000") and a
/// leading sign only to refuse it with a clear message.
fn split_number(text: &str) -> Result<(Decimal, &str), ParseError> {
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-' || c == '+'))
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(end);
    let unit = unit.trim();
    if digits.is_empty() {
        return Err(ParseError::NotANumber);
    }
    if unit.chars().any(|c| c.is_numeric()) {
        // Digits after the unit ("1e400") or digits other than 0–9 ("١٥").
        return Err(ParseError::NotANumber);
    }
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits.strip_prefix('+').unwrap_or(digits)),
    };
    let plain: String = if valid_grouping(digits) {
        digits.chars().filter(|c| *c != ',').collect()
    } else if decimal_comma(digits) {
        digits.replace(',', ".")
    } else {
        return Err(ParseError::DecimalComma);
    };
    if plain.is_empty() || plain == "." || plain.contains(['-', '+']) {
        return Err(ParseError::NotANumber);
    }
    let significant = plain
        .trim_start_matches(['0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if significant > 20 {
        return Err(ParseError::TooManyDigits);
    }
    let number = exact(&plain).ok_or(ParseError::NotANumber)?;
    if negative && !number.is_zero() {
        return Err(ParseError::Negative);
    }
    // "-0" is zero; Decimal keeps a sign on zero, which would print as "-0".
    Ok((number.abs(), unit))
}

/// The exact number that digits with at most one point ("1500.25") write, or none. What `Decimal::from_str_exact`
/// gives for such text (a test checks it), without its parser: that parser, written for every form of number and
/// its own messages, was 3 KB of the WebAssembly, and the text reaching here has been checked already.
fn exact(plain: &str) -> Option<Decimal> {
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut mantissa: i128 = 0;
    for c in whole.chars().chain(fraction.chars()) {
        let digit = c.to_digit(10)?;
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit))?;
    }
    Decimal::try_from_i128_with_scale(mantissa, u32::try_from(fraction.len()).ok()?).ok()
}

/// Commas, where present, group thousands: "15,000" and "1,500.5", but not "1,5" or "0,125", which no one
/// groups that way.
fn valid_grouping(digits: &str) -> bool {
    if !digits.contains(',') {
        return true;
    }
    let integer = digits.split('.').next().unwrap_or_default();
    let mut groups = integer.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && !g.starts_with('0'));
    first_ok && groups.all(|g| g.len() == 3) && !digits.split('.').skip(1).any(|f| f.contains(','))
}

/// One comma that cannot group thousands, and no point: a decimal comma ("1,5", "0,125"), read as a point. A
/// phone whose region writes decimals with a comma shows a decimal keypad without a point, so a reader there
/// has no other way to type 1.5. "1,500" stays 1500: it groups thousands, and a field's echo says which was read.
fn decimal_comma(digits: &str) -> bool {
    !digits.contains('.')
        && digits.matches(',').count() == 1
        && digits.split(',').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn money(text: &str) -> Result<Money, ParseError> {
        parse_money(text, Scale::Billions)
    }

    #[test]
    fn every_documented_amount_form_is_fifteen_billion() {
        for text in [
            "15",
            "15B",
            "$15bn",
            "15,000M",
            "15 billion",
            "$15 Billion",
            " 15b ",
            "US$15bn",
            "+15",
        ] {
            assert_eq!(money(text), Ok(Money::billions(15)), "{text}");
        }
        assert_eq!(money("1.2T"), Ok(Money::billions(1_200)));
        assert_eq!(money("350M"), Ok(Money::from_dollars(dec!(350_000_000))));
        assert_eq!(
            parse_money("81", Scale::Dollars),
            Ok(Money::from_dollars(dec!(81)))
        );
    }

    #[test]
    fn a_price_that_is_not_a_number_gets_a_price_for_its_example() {
        for text in ["eighty", "81 euros"] {
            let error = parse_money(text, Scale::Dollars).unwrap_err().to_string();
            assert_eq!(error, "not a number: use digits, e.g. 81 or $81", "{text}");
        }
        assert_eq!(
            parse_money("eighty", Scale::Billions)
                .unwrap_err()
                .to_string(),
            "not a number: use digits, e.g. 15, 15B or 1,500M"
        );
    }

    #[test]
    fn a_decimal_comma_that_cannot_group_thousands_is_read_as_a_point_in_every_kind_of_field() {
        assert_eq!(
            parse_money("8,1", Scale::Dollars),
            Ok(Money::from_dollars(dec!(8.1)))
        );
        assert_eq!(
            parse_money("15,5B", Scale::Billions),
            Ok(Money::from_dollars(dec!(15_500_000_000)))
        );
        assert_eq!(
            parse_share("12,5%"),
            Share::new(dec!(0.125)).ok_or(ParseError::NotANumber)
        );
        assert_eq!(parse_gigawatts("2,5"), Ok(Gigawatts::new(dec!(2.5))));
        assert_eq!(parse_gigawatts("0,125"), Ok(Gigawatts::new(dec!(0.125))));
        // Grouping, as before: "1,500" is 1500, and "1,500.5" keeps its point.
        assert_eq!(
            parse_money("1,500", Scale::Dollars),
            Ok(Money::from_dollars(dec!(1500)))
        );
        assert_eq!(
            parse_money("1,500.5", Scale::Dollars),
            Ok(Money::from_dollars(dec!(1500.5)))
        );
        // A comma that is neither is still refused, with the message.
        for text in ["1,5,3", "1,50.5", "1,", ",5"] {
            assert_eq!(
                parse_money(text, Scale::Dollars),
                Err(ParseError::DecimalComma),
                "{text}"
            );
        }
        assert_eq!(
            ParseError::DecimalComma.to_string(),
            "a comma groups thousands, as in 15,000: for a decimal use a point, as in 1.5"
        );
    }

    #[test]
    fn hostile_amounts_are_errors_with_messages() {
        for (text, error) in [
            ("", ParseError::Empty),
            ("   ", ParseError::Empty),
            ("NaN", ParseError::NotAnAmount),
            ("Infinity", ParseError::NotAnAmount),
            ("1e400", ParseError::NotAnAmount),
            ("١٥", ParseError::NotAnAmount),
            ("15 apples", ParseError::NotAnAmount),
            ("1,5,0", ParseError::DecimalComma),
            ("1..5", ParseError::NotAnAmount),
            ("-3", ParseError::Negative),
            (
                "1234567890123456789012345678901234567890",
                ParseError::TooManyDigits,
            ),
            ("10.01T", ParseError::AmountOutOfRange { max: "$10T" }),
            ("15-3", ParseError::NotAnAmount),
        ] {
            assert_eq!(money(text), Err(error.clone()), "{text:?}");
        }
        assert_eq!(money("10T"), Ok(MAX_AMOUNT));
        // A bare number of a million or more cannot be billions: it is dollars, as pasted from a filing.
        assert_eq!(money("$20,000,000,000"), Ok(Money::billions(20)));
        assert_eq!(
            money("350000000"),
            Ok(Money::from_dollars(dec!(350_000_000)))
        );
        assert_eq!(money("1,000,000"), Ok(Money::from_dollars(dec!(1_000_000))));
        // Below a million, a bare number over 10,000 is still billions, and too much: the message says to add a
        // unit, and offers the reader's own figure read as dollars ("$500,000" pasted) or as millions (a filing's
        // "38,000").
        for (text, dollars, millions) in [
            ("999,999", "999.999K", "999,999M"),
            ("$500,000", "500K", "500,000M"),
            ("10,000.01", "10.00001K", "10,000.01M"),
            ("38000", "38K", "38,000M"),
            ("12345.678901", "12.34568K", "12,345.68M"),
        ] {
            let message = money(text).unwrap_err().to_string();
            assert_eq!(
                message,
                format!("with no K, M, B or T this is billions, over $10T: try {dollars} (dollars) or {millions} (millions)"),
                "{text}"
            );
            // Either suggestion, typed in, is taken.
            assert!(money(dollars).is_ok() && money(millions).is_ok(), "{text}");
        }
        assert_eq!(money("10,000"), Ok(MAX_AMOUNT));
        assert_eq!(
            ParseError::AmountOutOfRange { max: "$10T" }.to_string(),
            "amount must be between $0 and $10T"
        );
    }

    #[test]
    fn unknown_units_say_what_the_field_takes() {
        let message = |error: ParseError| error.to_string();
        let term = |text| parse_span(text, SpanUnit::Years, Months::new(1), Months::years(25));
        let ramp = |text| parse_span(text, SpanUnit::Months, Months::new(0), Months::years(10));
        for (got, expected) in [
            (
                parse_gigawatts("2 TWh").map(drop),
                "unit not recognised: use GW or MW, e.g. 2000 MW",
            ),
            (
                parse_gigawatts("lots").map(drop),
                "not a number: use digits, e.g. 2 or 2 GW",
            ),
            (
                term("8 decades").map(drop),
                "unit not recognised: use years or months, e.g. 96 months",
            ),
            (
                term("eight").map(drop),
                "not a number: use digits, e.g. 8 or 8 years",
            ),
            (
                ramp("soon").map(drop),
                "not a number: use digits, e.g. 6 or 6 months",
            ),
            (
                parse_watts("1.3 kWh").map(drop),
                "unit not recognised: use W or kW, e.g. 1.3 kW",
            ),
        ] {
            assert_eq!(got.map_err(message), Err(expected.to_string()));
        }
        assert_eq!(parse_watts("1,300"), parse_watts("1.3 kW"));
    }

    #[test]
    fn minus_zero_is_zero() {
        assert_eq!(money("-0"), Ok(Money::ZERO));
        assert_eq!(
            money("-0").map(|m| m.dollars().to_string()),
            Ok("0".to_string())
        );
    }

    #[test]
    fn capacities() {
        assert_eq!(parse_gigawatts("2"), Ok(Gigawatts::new(dec!(2))));
        assert_eq!(parse_gigawatts("2000 MW"), Ok(Gigawatts::new(dec!(2))));
        assert_eq!(parse_gigawatts("2gw"), Ok(Gigawatts::new(dec!(2))));
        assert_eq!(parse_gigawatts("1001"), Err(ParseError::CapacityOutOfRange));
        assert_eq!(parse_gigawatts("-1"), Err(ParseError::Negative));
    }

    #[test]
    fn shares() {
        let sixty = Share::new(dec!(0.6));
        assert_eq!(parse_share("60%").ok(), sixty);
        assert_eq!(parse_share("60").ok(), sixty);
        assert_eq!(parse_share("100").ok(), Some(Share::ONE));
        // A bare number up to 1 is a percentage too, as in the link.
        assert_eq!(parse_share("1").ok(), Share::new(dec!(0.01)));
        assert_eq!(parse_share("0.6").ok(), Share::new(dec!(0.006)));
        // A percentage field's message shows what it takes, not money's suffixes.
        assert_eq!(parse_share("sixty"), Err(ParseError::NotAPercentage));
        assert_eq!(parse_share("60 GW"), Err(ParseError::NotAPercentage));
        assert_eq!(
            ParseError::NotAPercentage.to_string(),
            "not a number: use digits, e.g. 60 or 60%"
        );
        assert_eq!(parse_share("101"), Err(ParseError::ShareOutOfRange));
        assert_eq!(parse_share("150%"), Err(ParseError::ShareOutOfRange));
    }

    #[test]
    fn months() {
        let march = YearMonth::new(2026, 3);
        for text in [
            "2026-03",
            "2026-3",
            "03/2026",
            "Mar 2026",
            "March 2026",
            "mar. 2026",
        ] {
            assert_eq!(parse_month(text).ok(), march, "{text}");
        }
        assert_eq!(parse_month("2019-12"), Err(ParseError::MonthOutOfRange));
        assert_eq!(parse_month("2046-01"), Err(ParseError::MonthOutOfRange));
        assert_eq!(parse_month("2026-13"), Err(ParseError::MonthNotRecognised));
        assert_eq!(
            parse_month("Marchy 2026"),
            Err(ParseError::MonthNotRecognised)
        );
        assert_eq!(
            parse_month("99999999999999999999-01"),
            Err(ParseError::MonthNotRecognised)
        );
    }

    #[test]
    fn spans() {
        let bounds = (Months::new(1), Months::years(25));
        let span = |t| parse_span(t, SpanUnit::Years, bounds.0, bounds.1);
        assert_eq!(span("7"), Ok(Months::years(7)));
        assert_eq!(span("7.5y"), Ok(Months::new(90)));
        assert_eq!(span("84 months"), Ok(Months::years(7)));
        assert!(span("0").is_err());
        assert!(span("-2").is_err());
        assert!(span("26").is_err());
        assert!(span("7.3").is_err());
        assert_eq!(
            span("0").unwrap_err().to_string(),
            "must be between 1 month and 25 years"
        );
    }

    #[test]
    fn labels_are_cleaned_text() {
        assert_eq!(
            parse_label("  Up\u{200B}front \u{202E}tranche  "),
            Ok("Upfront tranche".to_string())
        );
        assert_eq!(
            parse_label("<script>alert(1)</script>"),
            Ok("<script>alert(1)</script>".to_string())
        );
        assert_eq!(parse_label(&"x".repeat(41)), Err(ParseError::LabelTooLong));
        assert_eq!(parse_label(" \u{200B} "), Err(ParseError::EmptyLabel));
        assert_eq!(
            parse_label("AWS\u{FFFF}\u{FFFE}\u{FDD0}"),
            Ok("AWS".to_owned())
        );
    }

    /// Every text of digits, points and nothing else that `split_number` may hand over, against rust_decimal.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn exact_numbers_are_decimal_s_own() {
        use proptest::test_runner::TestRunner;
        let cases = [
            "0",
            "00",
            "1",
            "15",
            "15.5",
            "1500.25",
            ".5",
            "5.",
            "0.000001",
            "1.1.1",
            "",
            ".",
            "..",
            "99999999999999999999",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "1.0000000000000000000000000000",
        ];
        let same = |text: &str| {
            assert_eq!(
                exact(text).map(|n| (n, n.scale())),
                Decimal::from_str_exact(text).ok().map(|n| (n, n.scale())),
                "{text:?}"
            )
        };
        cases.iter().for_each(|text| same(text));
        for pattern in ["[0-9.]{0,32}", "[0-9]{0,30}(\\.[0-9]{0,30})?"] {
            TestRunner::default()
                .run(&pattern, |text| {
                    same(&text);
                    Ok(())
                })
                .unwrap();
        }
    }

    #[test]
    fn weights() {
        assert_eq!(parse_weights("1,2,3"), Ok(vec![dec!(1), dec!(2), dec!(3)]));
        assert_eq!(parse_weights("1-2-3"), Ok(vec![dec!(1), dec!(2), dec!(3)]));
        assert_eq!(
            parse_weights("1 - 2 - 3"),
            Ok(vec![dec!(1), dec!(2), dec!(3)])
        );
        assert_eq!(
            parse_weights("1,\t2,\u{a0}3"),
            Ok(vec![dec!(1), dec!(2), dec!(3)])
        );
        for negative in ["1, -2", "-1-2", "1--2", "1 -2", "1;-2", "- 2", "1,-.5"] {
            assert_eq!(
                parse_weights(negative),
                Err(ParseError::Negative),
                "{negative}"
            );
        }
        assert_eq!(parse_weights("0,0"), Err(ParseError::WeightsAllZero));
        assert_eq!(parse_weights("a,b"), Err(ParseError::WeightsNotRecognised));
        assert_eq!(
            parse_weights(&"1,".repeat(31)),
            Err(ParseError::TooManyWeights)
        );
    }
}
