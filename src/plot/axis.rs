//! Round axis ticks and the linear map from values to pixels. Values stay exact Decimals so tick labels read
//! "$25B", never "$24.999999B"; only the pixel position is a float.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::arith::Checked;

/// An axis whose ends and ticks fall on round numbers: steps of 1, 2, 2.5 or 5 times a power of ten.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub min: Decimal,
    pub max: Decimal,
    pub ticks: Vec<Decimal>,
}

impl Axis {
    /// An axis covering `low..=high` (zero always included) with about `target` ticks; 0 to 1 when the range
    /// is empty or too wide to divide.
    ///
    /// ```
    /// use deal_calculator::plot::axis::Axis;
    /// use rust_decimal::Decimal;
    /// let axis = Axis::nice(Decimal::ZERO, Decimal::from(138), 5);
    /// assert_eq!(axis.max, Decimal::from(150));
    /// assert_eq!(axis.ticks.len(), 4); // 0, 50, 100, 150
    /// ```
    pub fn nice(low: Decimal, high: Decimal, target: u32) -> Axis {
        Axis::try_nice(low.min(Decimal::ZERO), high.max(Decimal::ZERO), target).unwrap_or(Axis {
            min: Decimal::ZERO,
            max: Decimal::ONE,
            ticks: vec![Decimal::ZERO, Decimal::ONE],
        })
    }

    fn try_nice(low: Decimal, high: Decimal, target: u32) -> Option<Axis> {
        let raw = high
            .minus(low)?
            .checked_div(Decimal::from(target.max(1)))
            .filter(|raw| !raw.is_zero())?;
        let step = nice_step(raw)?;
        let min = low.checked_div(step)?.floor().times(step)?;
        let max = high.checked_div(step)?.ceil().times(step)?;
        let mut ticks = Vec::new();
        let mut tick = Some(min);
        while let Some(at) = tick.filter(|at| *at <= max && ticks.len() < 50) {
            ticks.push(at.normalize());
            tick = at.plus(step);
        }
        Some(Axis {
            min: min.normalize(),
            max: max.normalize(),
            ticks,
        })
    }

    /// Where `value` falls between `start` (for `min`) and `end` (for `max`) in pixels.
    pub fn position(&self, value: Decimal, start: f64, end: f64) -> f64 {
        let span = self.max.minus(self.min).and_then(|span| span.to_f64());
        let offset = value.minus(self.min).and_then(|offset| offset.to_f64());
        match (span, offset) {
            (Some(span), Some(offset)) if span != 0.0 => start + (end - start) * offset / span,
            _ => start,
        }
    }
}

/// The smallest round step at least `raw`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_step(raw: Decimal) -> Option<Decimal> {
    let mut magnitude = Decimal::ONE;
    while let Some(next) = magnitude.times(Decimal::TEN).filter(|next| *next <= raw) {
        magnitude = next;
    }
    while magnitude > raw && magnitude > Decimal::new(1, 20) {
        magnitude /= Decimal::TEN;
    }
    [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::from(5),
        Decimal::TEN,
    ]
    .into_iter()
    .filter_map(|factor| factor.times(magnitude))
    .find(|step| *step >= raw)
}

/// An SVG path through points, skipping none: "M0,10L5,8…".
///
/// ```
/// use deal_calculator::plot::axis::line_path;
/// assert_eq!(line_path(&[(0.0, 10.0), (5.0, 8.25)]), "M0,10L5,8.3");
/// ```
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut path = String::with_capacity(points.len() * 12);
    for (i, (x, y)) in points.iter().enumerate() {
        path.push(if i == 0 { 'M' } else { 'L' });
        path.push_str(&coordinate(*x));
        path.push(',');
        path.push_str(&coordinate(*y));
    }
    path
}

/// One decimal is finer than a pixel; trailing zeros dropped to keep paths short. Written with integers, so the
/// WebAssembly carries no float-formatting code.
///
/// ```
/// use deal_calculator::plot::axis::coordinate;
/// assert_eq!(coordinate(12.04), "12");
/// assert_eq!(coordinate(-0.46), "-0.5");
/// assert_eq!(coordinate(f64::NAN), "0");
/// ```
pub fn coordinate(value: f64) -> String {
    let tenths = (value * 10.0).round();
    let tenths = if tenths.is_finite() {
        tenths.clamp(-1e12, 1e12) as i64
    } else {
        0
    };
    let (whole, fraction) = (tenths / 10, (tenths % 10).abs());
    let sign = if tenths < 0 && whole == 0 { "-" } else { "" };
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ticks_are_round() {
        let axis = Axis::nice(dec!(0), dec!(50_000_000_000), 5);
        assert_eq!(
            axis.ticks,
            vec![
                dec!(0),
                dec!(1e10),
                dec!(2e10),
                dec!(3e10),
                dec!(4e10),
                dec!(5e10)
            ]
        );
        let axis = Axis::nice(dec!(-38), dec!(88), 5);
        assert_eq!(axis.min, dec!(-50));
        assert_eq!(axis.max, dec!(100));
        assert!(axis.ticks.contains(&dec!(0)));
        let axis = Axis::nice(dec!(0), dec!(0.7), 4);
        assert_eq!(
            axis.ticks,
            vec![dec!(0), dec!(0.2), dec!(0.4), dec!(0.6), dec!(0.8)]
        );
    }

    #[test]
    fn empty_range_still_draws() {
        let axis = Axis::nice(dec!(0), dec!(0), 5);
        assert_eq!(axis.ticks, vec![dec!(0), dec!(1)]);
    }

    #[test]
    fn a_range_too_wide_to_divide_still_draws() {
        // Parsed amounts stop at $10T; these are far past what any scenario reaches, and must not panic.
        for (low, high) in [(Decimal::MIN, Decimal::MAX), (dec!(0), Decimal::MAX)] {
            let axis = Axis::nice(low, high, 5);
            assert_eq!(axis.ticks, vec![dec!(0), dec!(1)]);
            assert_eq!(axis.position(dec!(0.25), 200.0, 0.0), 150.0);
        }
        let axis = Axis::nice(dec!(0), Decimal::MAX / dec!(10), 5);
        assert!(axis.max >= Decimal::MAX / dec!(10), "{axis:?}");
    }

    #[test]
    fn positions_map_linearly() {
        let axis = Axis::nice(dec!(0), dec!(100), 5);
        assert_eq!(axis.position(dec!(50), 200.0, 0.0), 100.0);
        assert_eq!(axis.position(dec!(0), 200.0, 0.0), 200.0);
    }
}
