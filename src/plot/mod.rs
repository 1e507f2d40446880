//! Chart math, apart from SVG: round axes, pixel positions, paths, and the data each chart shows. Pure Rust,
//! tested natively; the components in `view::chart` only map this geometry to SVG elements.

pub mod axis;
pub mod charts;
pub mod csv;
pub mod label;
pub mod svg_file;
pub mod table;

use crate::model::link::percent_encode;

/// A file to download as a `data:` URL, so a plain `<a download>` (or one made at a click) saves it: no Blob code
/// to ship, and it works inside a sandboxed embed that allows downloads.
pub fn data_url(media_type: &str, text: &str) -> String {
    ["data:", media_type, ",", &percent_encode(text)].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_is_percent_encoded_utf8() {
        // `#` would end the URL and `%` start an escape; `+` is itself here, not a space.
        assert_eq!(
            data_url(csv::MEDIA_TYPE, "\u{feff}a b,−\r\n#%\"+'"),
            "data:text/csv;charset=utf-8,%EF%BB%BFa%20b%2C%E2%88%92%0D%0A%23%25%22%2B'"
        );
    }

    #[test]
    fn the_link_is_a_percent_encoded_svg() {
        let url = data_url(svg_file::MEDIA_TYPE, "<svg>−</svg>");
        assert_eq!(
            url,
            "data:image/svg+xml;charset=utf-8,%3Csvg%3E%E2%88%92%3C%2Fsvg%3E"
        );
    }
}
