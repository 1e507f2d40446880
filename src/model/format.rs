//! Exact values turned into the short text people read ("$12.5B/yr", "23%", "75 months") and the compact tokens
//! that fields and share links write ("22.4B", "2026-03", "7y"). Display text rounds to three significant
//! digits; tokens never round, so that a token parses back to the very same value.

use crate::model::arith::Checked;
use rust_decimal::{Decimal, RoundingStrategy};

use super::metrics::{MetricKey, Unit};
use super::units::{Gigawatts, Money, Months, Share};

const SCALES: [(Decimal, &str, &str); 4] = [
    (
        Decimal::from_parts(3_567_587_328, 232, 0, false, 0),
        "T",
        "trillion",
    ),
    (
        Decimal::from_parts(1_000_000_000, 0, 0, false, 0),
        "B",
        "billion",
    ),
    (
        Decimal::from_parts(1_000_000, 0, 0, false, 0),
        "M",
        "million",
    ),
    (Decimal::from_parts(1_000, 0, 0, false, 0), "K", "thousand"),
];

/// Rounds to `digits` significant digits and drops trailing zeros.
fn significant(value: Decimal, digits: u32) -> Decimal {
    if value.is_zero() {
        return Decimal::ZERO;
    }
    let magnitude = integer_digits(value.abs());
    let places = i64::from(digits).saturating_sub(magnitude);
    if places >= 0 {
        let places = u32::try_from(places).unwrap_or(0);
        return value
            .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
            .normalize();
    }
    // Round to tens, hundreds, …: 999,600,000 to three digits is 1,000,000,000.
    let mut unit = Decimal::ONE;
    for _ in 0..places.unsigned_abs().min(28) {
        unit = unit.times_or_bound(Decimal::TEN);
    }
    value
        .checked_div(unit)
        .map(|scaled| {
            scaled
                .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                .times_or_bound(unit)
        })
        .unwrap_or(value)
        .normalize()
}

/// Digits before the point (1 for values below 10); for values below 1, zero or less: 0.0373 gives -1, because
/// its first significant digit is the second after the point. Counted on the mantissa with integer arithmetic,
/// since every figure on the page passes through here on every edit.
fn integer_digits(value: Decimal) -> i64 {
    let mut mantissa = value.mantissa().unsigned_abs();
    let mut digits = 0i64;
    while mantissa > 0 {
        mantissa /= 10;
        digits = digits.saturating_add(1);
    }
    digits.saturating_sub(i64::from(value.scale()))
}

/// Groups thousands: 1234567 → "1,234,567".
pub(crate) fn group_thousands(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, text) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (integer, fraction) = text
        .split_once('.')
        .map_or((text, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(integer.len().saturating_add(integer.len() / 3));
    for (i, c) in integer.chars().enumerate() {
        if i > 0 && (integer.len().saturating_sub(i)) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "$12.5B", "$1.14B", "$350M", "-$4B", "$0": three significant digits.
///
/// ```
/// use deal_calculator::model::format::money;
/// use deal_calculator::model::units::Money;
/// assert_eq!(money(Money::billions(138)), "$138B");
/// assert_eq!(money(Money::billions(-4)), "−$4B");
/// ```
pub fn money(amount: Money) -> String {
    let dollars = amount.dollars();
    let sign = if dollars.is_sign_negative() && !dollars.is_zero() {
        "−"
    } else {
        ""
    };
    // Round first, then pick the scale, so that 999.6M reads "$1B" rather than "$1,000M".
    let value = significant(dollars.abs(), 3);
    for (scale, suffix, _) in SCALES.iter().take(3) {
        if value >= *scale {
            return format!(
                "{sign}${}{suffix}",
                group_thousands(significant(
                    value.checked_div(*scale).unwrap_or_default(),
                    3
                ))
            );
        }
    }
    format!("{sign}${}", group_thousands(value))
}

/// An exact amount in words, for the echo beside a field: "$15 billion", "$22.4 billion", "$81".
pub fn money_words(amount: Money) -> String {
    let value = amount.dollars();
    for (scale, _, word) in SCALES.iter().take(3) {
        if value >= *scale {
            return format!(
                "${} {word}",
                group_thousands(significant(
                    value.checked_div(*scale).unwrap_or_default(),
                    6
                ))
            );
        }
    }
    format!("${}", group_thousands(value.round_dp(2)))
}

/// The shortest exact token for an amount in a billions field: "15B", "22.4B", "350M", "1.2T".
///
/// ```
/// use deal_calculator::model::format::money_token;
/// use deal_calculator::model::parse::{parse_money, Scale};
/// use deal_calculator::model::units::Money;
/// let coreweave = parse_money("22.4B", Scale::Billions).unwrap();
/// assert_eq!(money_token(coreweave), "22.4B");
/// assert_eq!(parse_money(&money_token(coreweave), Scale::Billions), Ok(coreweave));
/// ```
pub fn money_token(amount: Money) -> String {
    let value = amount.dollars().normalize();
    if value.is_zero() {
        return "0".into();
    }
    SCALES
        .iter()
        .filter_map(|(scale, suffix, _)| {
            value
                .checked_div(*scale)
                .map(|v| format!("{}{suffix}", v.normalize()))
        })
        .min_by_key(|token| (token.len(), !token.ends_with('B')))
        .unwrap_or_else(|| format!("{value}"))
}

/// A plain exact number with no grouping, for tokens: "81", "1.15".
pub fn number_token(value: Decimal) -> String {
    value.normalize().to_string()
}

/// "30%", "23%", "3.73%".
pub fn share(fraction: Decimal) -> String {
    format!(
        "{}%",
        group_thousands(significant(
            fraction.times_or_bound(Decimal::ONE_HUNDRED),
            3
        ))
    )
}

/// The token for a share: "60%".
pub fn share_token(value: Share) -> String {
    format!("{}%", value.as_percent())
}

/// "2 GW", "0.25 GW", "1.83 GW": three significant digits, as every figure (the colophon says so).
pub fn gigawatts(value: Gigawatts) -> String {
    format!("{} GW", group_thousands(significant(value.value(), 3)))
}

/// "7 years", "18 months", "7 years 6 months".
pub fn span(value: Months) -> String {
    let (years, months) = (value.count() / 12, value.count() % 12);
    let plural = |n: u16, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (years, months) {
        (0, m) => plural(m, "month"),
        (y, 0) => plural(y, "year"),
        (y, m) => format!("{} {}", plural(y, "year"), plural(m, "month")),
    }
}

/// The token for a span: "7y" when whole years, else "90m".
pub fn span_token(value: Months) -> String {
    if value.count().is_multiple_of(12) && value.count() > 0 {
        format!("{}y", value.count() / 12)
    } else {
        format!("{}m", value.count())
    }
}

/// A metric's value as the page shows it; "—" where it is undefined.
///
/// ```
/// use deal_calculator::model::format::metric;
/// use deal_calculator::model::metrics::MetricKey;
/// use rust_decimal::Decimal;
/// assert_eq!(metric(MetricKey::ExpansionPerYear, Some(Decimal::new(12_500_000_000, 0))), "$12.5B/yr");
/// assert_eq!(metric(MetricKey::CommitmentsShare, Some(Decimal::new(23, 2))), "23%");
/// assert_eq!(metric(MetricKey::RunwayMonths, Some(Decimal::from(75))), "75 months");
/// assert_eq!(metric(MetricKey::SpendPerGw, None), "—");
/// ```
pub fn metric(key: MetricKey, value: Option<Decimal>) -> String {
    let Some(value) = value else {
        return "—".into();
    };
    match key.unit() {
        Unit::Money => money(Money::from_dollars(value)),
        Unit::MoneyPerYear => format!("{}/yr", money(Money::from_dollars(value))),
        Unit::MoneyPerGigawatt => format!("{}/GW", money(Money::from_dollars(value))),
        Unit::Share => share(value),
        Unit::Multiple => format!("{}×", group_thousands(significant(value, 3))),
        Unit::Months => match significant(value, 3) {
            // As shown: 1.002 months is "1 month".
            months if months == Decimal::ONE => "1 month".into(),
            months => format!("{} months", group_thousands(months)),
        },
        Unit::Gigawatts => gigawatts(Gigawatts::new(value)),
        Unit::TerawattHoursPerYear => format!("{}/yr", energy(value)),
        Unit::Count => count(value),
    }
}

/// Energy to three significant digits, as every figure, tooltip and table shows it: "14 TWh", "1,230 TWh".
pub fn energy(terawatt_hours: Decimal) -> String {
    format!("{} TWh", group_thousands(significant(terawatt_hours, 3)))
}

/// "1.34M", "850K", "420".
pub fn count(value: Decimal) -> String {
    for (scale, suffix, _) in SCALES.iter().skip(1) {
        if value >= *scale {
            return format!(
                "{}{suffix}",
                significant(value.checked_div(*scale).unwrap_or_default(), 3)
            );
        }
    }
    group_thousands(value.round())
}

/// A number for an axis tick or table cell in a given unit's scale: "25", "1.5", "1,000".
pub fn plain(value: Decimal) -> String {
    group_thousands(significant(value, 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_reads_like_a_newsroom_writes_it() {
        assert_eq!(money(Money::billions(50)), "$50B");
        assert_eq!(money(Money::from_dollars(dec!(12_500_000_000))), "$12.5B");
        assert_eq!(money(Money::from_dollars(dec!(1_135_296_000))), "$1.14B");
        assert_eq!(money(Money::from_dollars(dec!(350_000_000))), "$350M");
        assert_eq!(money(Money::from_dollars(dec!(999_600_000))), "$1B");
        assert_eq!(money(Money::from_dollars(dec!(81))), "$81");
        assert_eq!(money(Money::billions(1_400)), "$1.4T");
        assert_eq!(money(Money::ZERO), "$0");
    }

    #[test]
    fn tokens_are_exact_and_short() {
        assert_eq!(money_token(Money::billions(15)), "15B");
        assert_eq!(money_token(Money::from_dollars(dec!(350_000_000))), "350M");
        assert_eq!(money_token(Money::billions(1_200)), "1.2T");
        assert_eq!(money_token(Money::from_dollars(dec!(15.37))), "0.01537K");
        assert_eq!(span_token(Months::years(7)), "7y");
        assert_eq!(span_token(Months::new(90)), "90m");
    }

    #[test]
    fn shares_and_words() {
        assert_eq!(share(dec!(0.3)), "30%");
        assert_eq!(share(dec!(0.0373333)), "3.73%");
        assert_eq!(money_words(Money::billions(15)), "$15 billion");
        assert_eq!(money_words(Money::from_dollars(dec!(81))), "$81");
        assert_eq!(span(Months::new(90)), "7 years 6 months");
        assert_eq!(span(Months::new(1)), "1 month");
        assert_eq!(count(dec!(1338127)), "1.34M");
        assert_eq!(group_thousands(dec!(1234567.5)), "1,234,567.5");
        // Three significant digits, as every other figure: a ramp's 1.8333 GW is "1.83 GW", not "1.833 GW".
        assert_eq!(gigawatts(Gigawatts::new(dec!(1.8333))), "1.83 GW");
        assert_eq!(gigawatts(Gigawatts::new(dec!(11.66))), "11.7 GW");
        assert_eq!(gigawatts(Gigawatts::new(dec!(0.25))), "0.25 GW");
        assert_eq!(
            metric(MetricKey::RunwayMonths, Some(dec!(1.002))),
            "1 month"
        );
        // A runway shorter than a month keeps its digits: $1M against $8B a year.
        assert_eq!(
            metric(MetricKey::RunwayMonths, Some(dec!(0.0015))),
            "0.0015 months"
        );
    }
}
