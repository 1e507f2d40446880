//! A chart as a standalone SVG file, for an article or a slide: its title, legend, drawing and a source line, in
//! the colours the reader sees. The browser edge measures the page and hands the parts over; this writes the file.

use std::fmt::Write;

/// How a legend entry marks its series, as the page's legend draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    Block,
    Dashed,
    Marker,
}

/// One legend entry where the page lays it out, relative to the legend's top left, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub x: f64,
    pub y: f64,
    pub swatch: Swatch,
    pub color: String,
    pub text: String,
}

/// The measured parts of a chart. Colours and fonts are CSS values as the browser computed them.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    pub width: f64,
    pub title: String,
    /// The sentences under the title on the page: what the chart shows, where it ends and which years the
    /// timeline covers only in part, so that a picture on its own does not read a short year as a slow one.
    pub description: String,
    pub legend: Vec<LegendEntry>,
    pub legend_height: f64,
    /// The drawing's `<svg>` markup, every element's paint written on it as attributes.
    pub drawing: String,
    pub drawing_height: f64,
    pub source: String,
    pub background: String,
    pub text: String,
    pub muted: String,
    pub font: String,
}

const PAD: f64 = 12.0;
/// Line heights and average glyph widths of the title (16 px bold) and the source line (11 px): widths of the
/// widest common fallback (DejaVu Sans), so a line never runs past the drawing.
const TITLE_LINE: f64 = 20.0;
const TITLE_GLYPH: f64 = 10.5;
const SOURCE_LINE: f64 = 14.0;
const SOURCE_GLYPH: f64 = 6.6;
/// The description, at 13 px.
const DESCRIPTION_LINE: f64 = 17.0;
const DESCRIPTION_GLYPH: f64 = 7.8;

/// A written file and its size in pixels, which a PNG of it is drawn at (an image's own size is rounded).
#[derive(Clone, Debug, PartialEq)]
pub struct SvgFile {
    pub text: String,
    pub width: f64,
    pub height: f64,
}

/// The file: a background, the title and description, the legend, the drawing below them and the source line at
/// the foot. The text wraps to the drawing's width, as on the page: SVG text does not wrap by itself.
pub fn file(parts: &Parts) -> SvgFile {
    let title = wrap(&parts.title, parts.width, TITLE_GLYPH);
    let description = wrap(&parts.description, parts.width, DESCRIPTION_GLYPH);
    let source = wrap(&parts.source, parts.width, SOURCE_GLYPH);
    let width = parts.width + 2.0 * PAD;
    let title_end = PAD + TITLE_LINE * title.len() as f64;
    let description_top = title_end + 4.0;
    let legend_top = title_end + 8.0 + DESCRIPTION_LINE * description.len() as f64;
    let drawing_top = legend_top + parts.legend_height + 4.0;
    let source_top = drawing_top + parts.drawing_height + 8.0;
    let height = source_top + SOURCE_LINE * source.len() as f64 + PAD;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{font}\"><rect width=\"100%\" height=\"100%\" fill=\"{bg}\"/>",
        w = number(width),
        h = number(height),
        font = xml(&parts.font),
        bg = xml(&parts.background),
    );
    text_lines(
        &mut out,
        &title,
        PAD + 16.0,
        TITLE_LINE,
        "font-size=\"16\" font-weight=\"700\"",
        &parts.text,
    );
    text_lines(
        &mut out,
        &description,
        description_top + 13.0,
        DESCRIPTION_LINE,
        "font-size=\"13\"",
        &parts.muted,
    );
    for entry in &parts.legend {
        let (x, y) = (PAD + entry.x, legend_top + entry.y);
        let color = xml(&entry.color);
        let _ = match entry.swatch {
            Swatch::Block => write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" rx=\"2\" fill=\"{color}\"/>",
                number(x),
                number(y + 4.0)
            ),
            Swatch::Dashed => write!(
                out,
                "<path d=\"M{},{}h14\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
                number(x),
                number(y + 9.0)
            ),
            Swatch::Marker => write!(
                out,
                "<path d=\"M{},{}l5,8h-10z\" fill=\"{color}\"/>",
                number(x + 7.0),
                number(y + 5.0)
            ),
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12.8\" fill=\"{}\">{}</text>",
            number(x + 19.0),
            number(y + 13.0),
            xml(&parts.text),
            xml(&entry.text)
        );
    }
    let _ = write!(
        out,
        "<g transform=\"translate({},{})\">{}</g>",
        number(PAD),
        number(drawing_top),
        parts.drawing
    );
    text_lines(
        &mut out,
        &source,
        source_top + 11.0,
        SOURCE_LINE,
        "font-size=\"11\"",
        &parts.muted,
    );
    out.push_str("</svg>");
    SvgFile {
        text: out,
        width,
        height,
    }
}

/// One `<text>` per line, the first baseline at `top`.
fn text_lines(out: &mut String, lines: &[String], top: f64, step: f64, font: &str, color: &str) {
    for (index, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" {font} fill=\"{}\">{}</text>",
            number(PAD),
            number(top + step * index as f64),
            xml(color),
            xml(line)
        );
    }
}

/// Words into lines that fit `width` pixels at about `glyph` pixels a character; a word longer than a line (a
/// scenario's address) is cut into pieces a line long, and its last piece shares a line with the next words.
fn wrap(text: &str, width: f64, glyph: f64) -> Vec<String> {
    let fits = (width / glyph).max(10.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for whole in text.split_whitespace() {
        let mut word = whole;
        while !word.is_empty() {
            let cut = word
                .char_indices()
                .nth(fits)
                .map_or(word.len(), |(at, _)| at);
            let (piece, rest) = word.split_at(cut);
            match lines.last_mut() {
                Some(line) if line.chars().count() + 1 + piece.chars().count() <= fits => {
                    line.push(' ');
                    line.push_str(piece);
                }
                _ => lines.push(piece.to_owned()),
            }
            word = rest;
        }
    }
    lines
}

/// The file's media type, for [`super::data_url`].
pub const MEDIA_TYPE: &str = "image/svg+xml;charset=utf-8";

/// Text or an attribute value as XML: the five characters XML reserves, escaped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whole pixels and tenths, as the chart's own coordinates are written.
fn number(value: f64) -> String {
    super::axis::coordinate(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> Parts {
        Parts {
            width: 300.0,
            title: "Spend & \"growth\" <2026>".into(),
            description: String::new(),
            legend: vec![
                LegendEntry {
                    x: 0.0,
                    y: 0.0,
                    swatch: Swatch::Block,
                    color: "rgb(47, 109, 181)".into(),
                    text: "AWS existing".into(),
                },
                LegendEntry {
                    x: 120.0,
                    y: 0.0,
                    swatch: Swatch::Dashed,
                    color: "rgb(179, 38, 30)".into(),
                    text: "Net to Amazon".into(),
                },
            ],
            legend_height: 20.0,
            drawing: "<svg width=\"300\" height=\"100\"><path d=\"M0,0L1,1\" stroke=\"red\"></path></svg>"
                .into(),
            drawing_height: 100.0,
            source: "Source: the calculator".into(),
            background: "rgb(255, 255, 255)".into(),
            text: "rgb(27, 31, 36)".into(),
            muted: "rgb(90, 98, 112)".into(),
            font: "system-ui, \"Segoe UI\", sans-serif".into(),
        }
    }

    #[test]
    fn the_file_has_the_title_legend_drawing_and_source_in_order() {
        let file = file(&parts());
        assert_eq!((file.width, file.height), (324.0, 198.0));
        let svg = file.text;
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"324\""));
        assert!(svg.ends_with("</svg>"));
        let at = |needle: &str| {
            svg.find(needle)
                .unwrap_or_else(|| panic!("{needle} in {svg}"))
        };
        assert!(at("Spend &amp; &quot;growth&quot; &lt;2026&gt;") < at("AWS existing"));
        assert!(at("AWS existing") < at("Net to Amazon"));
        assert!(at("stroke-dasharray=\"4 2\"") < at("<path d=\"M0,0L1,1\""));
        assert!(at("<path d=\"M0,0L1,1\"") < at("Source: the calculator"));
        assert!(svg.contains("font-family=\"system-ui, &quot;Segoe UI&quot;, sans-serif\""));
        // 12 + 20 + 8 for the title, 20 + 4 for the legend, 100 + 8 for the drawing, 14 + 12 for the source.
        assert!(svg.contains("height=\"198\""), "{svg}");
    }

    #[test]
    fn the_description_sits_between_the_title_and_the_legend() {
        let svg = file(&Parts {
            description: "By 2034, $138B. The timeline covers only Jan–Feb of 2034.".into(),
            ..parts()
        });
        let at = |needle: &str| svg.text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at("&lt;2026&gt;") < at(">By 2034"));
        assert!(at("Jan–Feb of 2034.</text>") < at("AWS existing"));
        // 300 px at 7.8 px a character: two lines of 17 px under the title.
        assert_eq!(svg.height, 198.0 + 2.0 * 17.0);
    }

    #[test]
    fn a_title_wider_than_the_drawing_wraps() {
        let narrow = Parts {
            width: 170.0,
            ..parts()
        };
        let svg = file(&narrow).text;
        assert!(
            svg.contains(">Spend &amp; &quot;growth&quot;</text>"),
            "{svg}"
        );
        assert!(svg.contains(">&lt;2026&gt;</text>"), "{svg}");
        assert_eq!(wrap("a bb ccc", 30.0, 1.0), ["a bb ccc"]);
        assert_eq!(
            wrap("aaaaaaaaaaaa b c", 10.0, 1.0),
            ["aaaaaaaaaa", "aa b c"]
        );
        assert!(wrap("", 100.0, 1.0).is_empty());
        // An address longer than a line is cut, so it never runs past the picture.
        assert_eq!(
            wrap("at https://x.example/?v=1", 10.0, 1.0),
            ["at", "https://x.", "example/?v", "=1"]
        );
    }
}
