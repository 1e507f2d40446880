//! Labels drawn inside bars: whether one fits, and where it starts. SVG text neither wraps nor clips, so the
//! chart decides before drawing, from widths it can know without measuring the page.

/// Room a label drawn inside a bar keeps from the bar's edges, in pixels.
const LABEL_INSET: f64 = 6.0;

/// Whether a bold 12 px label fits inside a span of a bar, `LABEL_INSET` clear of both edges. Widths are those of
/// the widest common fallback font (DejaVu Sans Bold), so a label that is drawn never spills onto its neighbour.
pub fn fits(span: f64, label: &str) -> bool {
    let width: f64 = label
        .chars()
        .map(|c| match c {
            '.' | ',' => 4.6,
            '%' => 12.0,
            _ => 8.4,
        })
        .sum();
    width + 2.0 * LABEL_INSET <= span
}

/// Where a label inside a bar starts: `LABEL_INSET` in from the bar's left edge.
pub fn start(bar_left: f64) -> f64 {
    bar_left + LABEL_INSET
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_label_is_drawn_only_where_it_fits() {
        // "6.33%" is about 42 px in DejaVu Sans Bold: a 45 px segment cannot hold it with its inset.
        assert!(!fits(45.0, "6.33%"));
        assert!(fits(54.0, "6.33%"));
        assert!(fits(400.0, "73.3%"));
        assert!(!fits(f64::NAN, "1%"));
        assert!(fits(12.0, ""));
    }
}
