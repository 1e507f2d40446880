//! Units of the deal, each its own type, so that gigawatts never get added to dollars and a point in time is
//! never confused with a span of months. Operations exist only where they make sense, and every one that can
//! overflow is checked.

use crate::model::arith::Checked;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An amount of US dollars, exact to the cent or finer.
///
/// ```
/// use deal_calculator::model::units::Money;
/// use rust_decimal::Decimal;
/// let upfront = Money::billions(15);
/// let later = Money::billions(35);
/// assert_eq!(upfront.checked_add(later), Some(Money::billions(50)));
/// assert_eq!(Money::billions(50).dollars(), Decimal::new(50_000_000_000, 0));
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Dollars as given; bounds are checked where a reader's text is parsed, not here.
    pub const fn from_dollars(dollars: Decimal) -> Money {
        Money(dollars)
    }

    /// Whole billions: the unit the deal is reported in.
    pub fn billions(billions: i64) -> Money {
        Money(Decimal::from(billions).times_or_bound(Decimal::from(1_000_000_000u32)))
    }

    pub const fn dollars(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.plus(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.minus(other.0).map(Money)
    }

    /// The amount scaled by a plain factor (a probability, a weight share, a discount factor).
    pub fn checked_scale(self, factor: Decimal) -> Option<Money> {
        self.0.times(factor).map(Money)
    }

    /// How many times `other` fits in `self`; `None` when `other` is zero.
    pub fn checked_ratio(self, other: Money) -> Option<Decimal> {
        if other.0.is_zero() {
            return None;
        }
        self.0.checked_div(other.0).map(|r| r.normalize())
    }

    /// Splits the amount by a plain divisor (years, gigawatts); `None` when the divisor is zero.
    pub fn checked_div(self, divisor: Decimal) -> Option<Money> {
        if divisor.is_zero() {
            return None;
        }
        self.0.checked_div(divisor).map(Money)
    }

    /// Rounded to whole cents, half away from zero: the one rounding the model applies, and only to values
    /// that are shown or written out, never to values that are summed further.
    pub fn round_cents(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
        )
    }

    /// Sums amounts, `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
        items.into_iter().try_fold(Money::ZERO, Money::checked_add)
    }
}

/// A calendar month between January 2020 and December 2070: a point in time, not a span.
///
/// Readers may type months up to 2045 (see [`YearMonth::LAST_INPUT_YEAR`]); the model runs to 2070 so that any
/// agreement starting by 2045 with a term of up to 25 years fits, and no edit of one field can invalidate another.
///
/// ```
/// use deal_calculator::model::units::{Months, YearMonth};
/// let march = YearMonth::new(2026, 3).unwrap();
/// assert_eq!(march.to_string(), "2026-03");
/// assert_eq!(march.checked_add(Months::new(6)).unwrap().to_string(), "2026-09");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct YearMonth(u16);

impl YearMonth {
    pub const FIRST_YEAR: u16 = 2020;
    pub const LAST_YEAR: u16 = 2070;
    /// The last year a reader may type.
    pub const LAST_INPUT_YEAR: u16 = 2045;
    /// January 2020, the earliest month the model knows.
    pub const FIRST: YearMonth = YearMonth(0);
    /// Months from January 2020 to December 2070, inclusive, minus one.
    const LAST_INDEX: u16 = (Self::LAST_YEAR - Self::FIRST_YEAR) * 12 + 11;

    /// `None` when the year is outside 2020–2070 or the month outside 1–12.
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        if !(Self::FIRST_YEAR..=Self::LAST_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let index = year
            .checked_sub(Self::FIRST_YEAR)?
            .checked_mul(12)?
            .checked_add(u16::from(month.checked_sub(1)?))?;
        Some(YearMonth(index))
    }

    /// Months since January 2020.
    pub const fn index(self) -> u16 {
        self.0
    }

    pub fn from_index(index: u16) -> Option<YearMonth> {
        (index <= Self::LAST_INDEX).then_some(YearMonth(index))
    }

    pub fn year(self) -> u16 {
        Self::FIRST_YEAR.saturating_add(self.0 / 12)
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        u8::try_from(self.0 % 12).unwrap_or(0).saturating_add(1)
    }

    /// `None` past December 2070.
    pub fn checked_add(self, span: Months) -> Option<YearMonth> {
        self.0.checked_add(span.0).and_then(YearMonth::from_index)
    }

    /// The span from `earlier` to `self`; `None` when `earlier` comes after `self`.
    pub fn since(self, earlier: YearMonth) -> Option<Months> {
        self.0.checked_sub(earlier.0).map(Months)
    }

    /// "Mar 2026": how the page writes a month for people.
    pub fn label(self) -> String {
        let name = MONTH_NAMES
            .get(usize::from(self.0 % 12))
            .copied()
            .unwrap_or_default();
        format!("{name} {}", self.year())
    }
}

/// Short English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The short name of calendar month `month` (1–12); `None` outside that.
pub fn month_name(month: u8) -> Option<&'static str> {
    MONTH_NAMES.get(usize::from(month.checked_sub(1)?)).copied()
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year(), self.month())
    }
}

/// A span of whole months (a term, a ramp, a delay).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Months(u16);

impl Months {
    pub const fn new(months: u16) -> Months {
        Months(months)
    }

    pub const fn years(years: u16) -> Months {
        Months(years.saturating_mul(12))
    }

    pub const fn count(self) -> u16 {
        self.0
    }

    /// The span in years, exactly (7 years and 6 months is 7.5).
    pub fn in_years(self) -> Decimal {
        Decimal::from(self.0)
            .checked_div(Decimal::from(12u8))
            .unwrap_or_default()
    }
}

/// Electrical capacity in gigawatts.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Gigawatts(Decimal);

impl Gigawatts {
    pub const ZERO: Gigawatts = Gigawatts(Decimal::ZERO);

    pub const fn new(gigawatts: Decimal) -> Gigawatts {
        Gigawatts(gigawatts)
    }

    pub const fn value(self) -> Decimal {
        self.0
    }

    pub fn checked_add(self, other: Gigawatts) -> Option<Gigawatts> {
        self.0.plus(other.0).map(Gigawatts)
    }

    pub fn checked_scale(self, factor: Decimal) -> Option<Gigawatts> {
        self.0.times(factor).map(Gigawatts)
    }
}

/// A fraction between 0 and 1: a probability, a utilisation, a discount rate, a share of a total.
///
/// ```
/// use deal_calculator::model::units::Share;
/// assert_eq!(Share::percent(60).unwrap().to_string(), "60%");
/// assert!(Share::percent(101).is_none());
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Share(Decimal);

impl Share {
    pub const ZERO: Share = Share(Decimal::ZERO);
    pub const ONE: Share = Share(Decimal::ONE);

    /// `None` outside 0–1.
    pub fn new(fraction: Decimal) -> Option<Share> {
        (fraction >= Decimal::ZERO && fraction <= Decimal::ONE).then(|| Share(fraction.normalize()))
    }

    /// `None` outside 0–100.
    pub fn percent(percent: u32) -> Option<Share> {
        Share::new(Decimal::new(i64::from(percent), 2))
    }

    pub const fn fraction(self) -> Decimal {
        self.0
    }

    /// The share as a percentage (0.6 is 60).
    pub fn as_percent(self) -> Decimal {
        self.0.times_or_bound(Decimal::ONE_HUNDRED).normalize()
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.as_percent())
    }
}

/// Power usage effectiveness: facility power over IT power, 1 or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pue(Decimal);

impl Pue {
    pub const ONE: Pue = Pue(Decimal::ONE);

    /// `None` below 1 or above 3.
    pub fn new(ratio: Decimal) -> Option<Pue> {
        (ratio >= Decimal::ONE && ratio <= Decimal::from(3u8)).then(|| Pue(ratio.normalize()))
    }

    pub const fn ratio(self) -> Decimal {
        self.0
    }
}

/// Electrical power in watts (per accelerator, all-in server share).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Watts(Decimal);

impl Watts {
    pub const fn new(watts: Decimal) -> Watts {
        Watts(watts)
    }

    pub const fn value(self) -> Decimal {
        self.0
    }
}

/// The price of electricity, in US dollars per megawatt-hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PowerPrice(Money);

impl PowerPrice {
    pub const fn per_mwh(price: Money) -> PowerPrice {
        PowerPrice(price)
    }

    pub const fn money_per_mwh(self) -> Money {
        self.0
    }
}

/// What building one gigawatt of AI data-centre capacity costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CostPerGigawatt(Money);

impl CostPerGigawatt {
    pub const fn new(per_gigawatt: Money) -> CostPerGigawatt {
        CostPerGigawatt(per_gigawatt)
    }

    pub const fn money(self) -> Money {
        self.0
    }

    /// The cost of `capacity`: the one product of money and gigawatts that makes sense.
    pub fn checked_for(self, capacity: Gigawatts) -> Option<Money> {
        self.0.checked_scale(capacity.value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn year_month_bounds_and_arithmetic() {
        assert!(YearMonth::new(2019, 12).is_none());
        assert!(YearMonth::new(2071, 1).is_none());
        assert!(YearMonth::new(2026, 13).is_none());
        assert!(YearMonth::new(2026, 0).is_none());
        let last = YearMonth::new(2070, 12).unwrap();
        assert_eq!(last.checked_add(Months::new(1)), None);
        let start = YearMonth::new(2025, 11).unwrap();
        assert_eq!(
            start.checked_add(Months::years(7)).unwrap().to_string(),
            "2032-11"
        );
        assert_eq!(YearMonth::new(2026, 3).unwrap().label(), "Mar 2026");
        assert_eq!(
            YearMonth::new(2026, 3).unwrap().since(start),
            Some(Months::new(4))
        );
        assert_eq!(start.since(YearMonth::new(2026, 3).unwrap()), None);
    }

    #[test]
    fn money_ratio_refuses_zero() {
        assert_eq!(Money::billions(1).checked_ratio(Money::ZERO), None);
        assert_eq!(
            Money::billions(138).checked_ratio(Money::billions(50)),
            Some(dec!(2.76))
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_cents() {
        assert_eq!(
            Money::from_dollars(dec!(0.005)).round_cents(),
            Money::from_dollars(dec!(0.01))
        );
        assert_eq!(
            Money::from_dollars(dec!(0.015)).round_cents(),
            Money::from_dollars(dec!(0.02))
        );
    }

    #[test]
    fn capital_cost_is_money_times_gigawatts() {
        let cost = CostPerGigawatt::new(Money::billions(35));
        assert_eq!(
            cost.checked_for(Gigawatts::new(dec!(2))),
            Some(Money::billions(70))
        );
    }
}
