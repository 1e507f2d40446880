//! Decimal's checked arithmetic, each operation compiled once. rust_decimal marks `checked_add`, `checked_sub`
//! and `checked_mul` `#[inline(always)]`, so every call was a whole copy of the operation in the WebAssembly
//! (0.5–1.5 KB each). The model calls these instead; the results are the same. A native build keeps them
//! inlined, as rust_decimal has them: it is built for speed, and the native model bench is 1.6× slower without.

use rust_decimal::Decimal;

/// `checked_add`, `checked_sub` and `checked_mul`, as calls rather than copies.
pub trait Checked: Sized {
    /// `self + other`, or none when the sum does not fit.
    fn plus(self, other: Self) -> Option<Self>;
    /// `self − other`, or none when the difference does not fit.
    fn minus(self, other: Self) -> Option<Self>;
    /// `self × other`, or none when the product does not fit.
    fn times(self, other: Self) -> Option<Self>;
    /// `self × other`, or the largest value of the product's sign when it does not fit, as
    /// `Decimal::saturating_mul`.
    fn times_or_bound(self, other: Self) -> Self;
}

impl Checked for Decimal {
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn plus(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn minus(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn times(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }

    fn times_or_bound(self, other: Decimal) -> Decimal {
        self.times(other)
            .unwrap_or(if self.is_sign_negative() == other.is_sign_negative() {
                Decimal::MAX
            } else {
                Decimal::MIN
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operations_match_decimal_s_own() {
        let values = [
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(15, 1),
            Decimal::new(-3_333, 3),
            Decimal::MAX,
            Decimal::MIN,
        ];
        for a in values {
            for b in values {
                assert_eq!(a.plus(b), a.checked_add(b), "{a} + {b}");
                assert_eq!(a.minus(b), a.checked_sub(b), "{a} − {b}");
                assert_eq!(a.times(b), a.checked_mul(b), "{a} × {b}");
                assert_eq!(a.times_or_bound(b), a.saturating_mul(b), "{a} × {b}");
            }
        }
    }
}
