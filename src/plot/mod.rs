//! Chart math, apart from SVG: round axes, pixel positions, paths, and the data each chart shows. Pure Rust,
//! tested natively; the components in `view::chart` only map this geometry to SVG elements.

pub mod axis;
pub mod charts;
pub mod csv;
pub mod label;
pub mod svg_file;
pub mod table;
