//! SVG charts drawn from `plot` data: a line chart over months, stacked bars over years, and a single stacked
//! bar of shares. Each has a title, a description, a legend, a tooltip that follows the pointer **and** the arrow
//! keys, and a table of the same numbers. Axes and paths come from `plot::axis`; this file only places them.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::share::scenario_address;
use crate::browser::{self, WidthObserver};
use crate::model::arith::Checked;
use crate::model::format;
use crate::plot::axis::{coordinate, line_path, Axis};
use crate::plot::charts::{ChartData, ValueUnit};
use crate::plot::label;
use crate::plot::svg_file;
use crate::plot::table::{self, Table};
use crate::plot::{self, csv};

/// A saved chart's foot: the deal as reported, or a reader's scenario with the link that opens it, since a picture
/// travels without the page that made it.
fn file_source(query: &str) -> String {
    let reported = "the deal as reported in Feb 2026";
    if query.is_empty() {
        format!("Source: Amazon–OpenAI deal calculator, {reported}.")
    } else {
        format!(
            "Source: Amazon–OpenAI deal calculator, a reader's scenario, changed from {reported}: {}",
            scenario_address(query)
        )
    }
}

const HEIGHT: f64 = 280.0;
const MARGIN_LEFT: f64 = 58.0;
const MARGIN_RIGHT: f64 = 14.0;
const MARGIN_TOP: f64 = 18.0;
const MARGIN_BOTTOM: f64 = 30.0;
/// The least room from one year's label to the next: a year ("2031") in the axis' 11 px type is about 27 px wide.
const LABEL_ROOM: f64 = 40.0;

/// Which of the axis' year labels to write (every one, every other…), `gap` px apart, so that none runs into the
/// next however long the timeline.
fn label_every(gap: f64) -> usize {
    // A cast from f64 saturates: a gap of nothing writes the first label only.
    (LABEL_ROOM / gap).ceil().max(1.0) as usize
}

/// The chart's pixel width, following its container.
#[hook]
fn use_width(node: NodeRef) -> f64 {
    let width = use_state(|| 600.0_f64);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let observer = node.cast::<web_sys::Element>().map(|element| {
                WidthObserver::new(&element, move |w| {
                    let w = w.floor();
                    if (w - *width).abs() >= 1.0 {
                        width.set(w);
                    }
                })
            });
            move || drop(observer)
        });
    }
    (*width).max(240.0)
}

/// Which category the tooltip shows, moved by the pointer and by the keyboard.
#[derive(Clone)]
struct Cursor {
    index: Option<usize>,
    onkeydown: Callback<KeyboardEvent>,
    onfocus: Callback<FocusEvent>,
    onblur: Callback<FocusEvent>,
    onmousemove: Callback<MouseEvent>,
    onmouseleave: Callback<MouseEvent>,
}

/// Where each category's share of the chart's width ends, as a fraction of the width (the last may pass 1: the
/// pointer's fraction is clamped, and past the last edge is the last category), given where
/// category `i`'s share ends in the chart's coordinates: the pointer picks the first category whose edge lies
/// past it.
fn edges(count: usize, width: f64, end: impl Fn(usize) -> f64) -> Vec<f64> {
    (0..count).map(|i| end(i) / width).collect()
}

/// `edges`: where each category ends across the chart, from [`edges`].
#[hook]
fn use_cursor(count: usize, page: usize, edges: Vec<f64>) -> Cursor {
    let index = use_state(|| None::<usize>);
    let last = count.saturating_sub(1);
    let set = {
        let index = index.clone();
        move |value: Option<usize>| {
            if *index != value {
                index.set(value)
            }
        }
    };
    let onkeydown = {
        let set = set.clone();
        let current = *index;
        Callback::from(move |event: KeyboardEvent| {
            let at = current.unwrap_or(last);
            let next = match event.key().as_str() {
                "ArrowLeft" | "ArrowDown" => at.saturating_sub(1),
                "ArrowRight" | "ArrowUp" => (at + 1).min(last),
                "PageDown" => at.saturating_sub(page),
                "PageUp" => (at + page).min(last),
                "Home" => 0,
                "End" => last,
                "Escape" => {
                    set(None);
                    return;
                }
                _ => return,
            };
            event.prevent_default();
            set(Some(next));
        })
    };
    let onfocus = {
        let set = set.clone();
        let current = *index;
        Callback::from(move |_| set(Some(current.unwrap_or(last))))
    };
    let onblur = {
        let set = set.clone();
        Callback::from(move |_| set(None))
    };
    let onmousemove = {
        let set = set.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(fraction) = browser::pointer_fraction(&event).filter(|_| count > 0) {
                let at = edges
                    .iter()
                    .position(|edge| fraction < *edge)
                    .unwrap_or(last);
                set(Some(at));
            }
        })
    };
    let onmouseleave = Callback::from(move |_| set(None));
    Cursor {
        index: *index,
        onkeydown,
        onfocus,
        onblur,
        onmousemove,
        onmouseleave,
    }
}

/// How a chart draws its data.
#[derive(Clone, Copy, PartialEq)]
pub enum Drawing {
    /// Lines over a monthly axis (the cumulative chart).
    Lines,
    /// Stacked bars over years, with payment markers under the axis (spend per year, energy per year).
    Bars,
    /// One horizontal bar split into shares of a total (OpenAI's commitments).
    Shares,
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// Fixed for a chart: the page gives each drawing its own keyed chart.
    pub drawing: Drawing,
    pub data: Rc<ChartData>,
    /// The element id prefix.
    pub id: AttrValue,
    /// The scenario's query as it is when called: a saved chart's foot names a reader's scenario by its link.
    /// Memoised by the page, so it compares equal and no chart redraws for it.
    pub current: Callback<(), AttrValue>,
}

fn legend(data: &ChartData) -> Html {
    html! {
        <ul class="legend" aria-hidden="true">
            { for data.series.iter().map(|s| html! {
                <li><span class={classes!("swatch", s.class, s.dashed.then_some("dashed"))}></span>{ s.name.clone() }</li>
            }) }
            if !data.markers.is_empty() {
                <li><span class="swatch marker"></span>{ "Investment payment" }</li>
            }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    data: Rc<ChartData>,
    /// The chart's element id: its title names the table, and its name the CSV file.
    id: AttrValue,
}

/// The chart's numbers as a table behind a disclosure, with every period as CSV. Rows and the CSV exist only
/// while it is open, so edits do not pay for a table nobody is reading.
#[component]
fn ChartTable(props: &TableProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(browser::is_open(&event));
        })
    };
    // A keyboard reaches the table's region only while it has something to scroll: on a wide screen, where every
    // table fits, a tab stop there would be one more press for nothing. Checked when the region's width or the
    // numbers change; set on the element, not rendered, because the check needs the table laid out. (Chromium
    // focuses a scrolling region by itself; Safari, and axe's rule, need the attribute.)
    let region = use_node_ref();
    use_effect_with((*open, props.data.clone()), {
        let region = region.clone();
        move |_| {
            let observer = region.cast::<web_sys::Element>().map(|element| {
                let target = element.clone();
                WidthObserver::new(&element, move |_| {
                    let _ = if target.scroll_width() > target.client_width() {
                        target.set_attribute("tabindex", "0")
                    } else {
                        target.remove_attribute("tabindex")
                    };
                })
            });
            move || drop(observer)
        }
    });
    let data = &props.data;
    let id = &props.id;
    let file = file_name(id, "csv");
    html! {
        <details class="chart-table" {ontoggle}>
            <summary>{ "Show the numbers as a table" }</summary>
            if *open {
                <a class="download" href={plot::data_url(csv::MEDIA_TYPE, &csv::chart_csv(data))} download={file}>
                    // A time chart's table shows some periods; its file has them all. A bar of shares has no periods.
                    { if data.parts_of_whole { "Download the numbers as CSV" } else { "Download every period as CSV" } }
                    // Four charts, four such links: the name says which one a screen reader's link list means.
                    <span class="visually-hidden">{ format!(": {}", data.title) }</span>
                </a>
                // A wide table scrolls sideways on a phone; focusable then, so a keyboard can scroll it too. Named
                // apart from the chart, which has the title alone.
                <div class="table-scroll" role="region" ref={region}
                    aria-label={format!("Table: {}", data.title)}>
                    <table>
                        // The chart's heading already shows the title; the caption names the table for screen readers.
                        <caption class="visually-hidden">{ data.title.clone() }</caption>
                        { table_rows(&table::table(data)) }
                    </table>
                </div>
            }
        </details>
    }
}

/// The image files a chart saves as: SVG for print and editing, PNG for the places that take no SVG.
#[derive(Clone, Copy)]
enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }

    /// Downloads the chart's file in this format, named after the chart.
    fn save(self, id: &str, file: &svg_file::SvgFile) {
        let svg_name = file_name(id, ImageFormat::Svg.extension());
        match self {
            ImageFormat::Svg => {
                browser::download(&svg_name, &plot::data_url(svg_file::MEDIA_TYPE, &file.text))
            }
            ImageFormat::Png => {
                browser::download_png(&file_name(id, self.extension()), &svg_name, file)
            }
        }
    }

    fn label(self) -> &'static str {
        match self {
            ImageFormat::Svg => "SVG",
            ImageFormat::Png => "PNG",
        }
    }
}

/// A download's file name from the chart's element id: `amazon-openai-cumulative.csv`.
fn file_name(id: &str, extension: &str) -> String {
    format!(
        "amazon-openai-{}.{extension}",
        id.trim_start_matches("chart-")
    )
}

/// The head and body of a chart's table; an empty corner heading is a plain cell, not a heading of nothing.
fn table_rows(table: &Table) -> Html {
    let mut head = table.head.iter();
    let corner = head.next().filter(|text| !text.is_empty());
    html! {
        <>
            <thead><tr>
                if let Some(corner) = corner { <th scope="col">{ corner.clone() }</th> } else { <td></td> }
                { for head.map(|text| html! { <th scope="col">{ text.clone() }</th> }) }
            </tr></thead>
            <tbody>
                { for table.rows.iter().map(|(heading, cells)| html! {
                    <tr>
                        <th scope="row">{ heading.clone() }</th>
                        { for cells.iter().map(|text| html! { <td>{ text.clone() }</td> }) }
                    </tr>
                }) }
            </tbody>
        </>
    }
}

/// The text of the tooltip at a point, which the live region also reads out: each drawing names its own.
type Readout = fn(&ChartData, usize) -> Vec<String>;

/// At a segment of the bar of shares: the series' name, then its value and share.
fn segment_readout(data: &ChartData, index: usize) -> Vec<String> {
    let series = data.series.get(index);
    let mut lines = vec![series.map(|s| s.name.clone()).unwrap_or_default()];
    if let Some(value) = series.and_then(|s| s.values.first()) {
        // No share of nothing: with every commitment at zero, the value stands alone.
        let share = data.shares().get(index).copied().flatten();
        let share = share.map(|s| format!(" ({})", format::share(s)));
        lines.push(format!(
            "{}{}",
            data.unit.format(*value),
            share.unwrap_or_default()
        ));
    }
    lines
}

/// At a category: its label, then each series' value, its markers and notes, and the months of a partial year.
fn category_readout(data: &ChartData, index: usize) -> Vec<String> {
    let mut lines = vec![data.categories.get(index).cloned().unwrap_or_default()];
    for series in &data.series {
        if let Some(value) = series.values.get(index) {
            lines.push(format!("{}: {}", series.name, data.unit.format(*value)));
        }
    }
    for (_, text) in data
        .markers
        .iter()
        .chain(&data.notes)
        .filter(|(i, _)| *i == index)
    {
        lines.push(text.clone());
    }
    if let Some(months) = data.partial_months(index) {
        lines.push(format!("Part of the year: {months}"));
    }
    lines
}

/// A tooltip box beside `x`, flipped to the left near the right edge.
fn tooltip(lines: &[String], x: f64, width: f64, top: f64) -> Html {
    // On a narrow chart a line too long for it ("Net to Amazon (spend − investment): $90.5B") breaks after its
    // name, the value on a line of its own.
    // Bytes, not characters, and a char search, for a smaller module: a line with a "−" or a reader's accented
    // label counts longer than it is, so it may break a little early, never late.
    let room = ((width - 24.0) / 6.6) as usize;
    // A reader's long label can leave even a name too wide: it is cut, with "…"; the legend and the table have it
    // whole.
    let fit = |text: String| match text.char_indices().nth(room.saturating_sub(1)) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or_default()),
        None => text,
    };
    let mut wrapped = Vec::new();
    for line in lines {
        let at = line.rfind(':').filter(|_| line.len() > room);
        match at.and_then(|at| Some((line.get(..=at)?, line.get(at + 1..)?))) {
            Some((name, value)) => {
                wrapped.push(fit(name.to_string()));
                wrapped.push(fit(format!("\u{a0}{value}")));
            }
            None => wrapped.push(fit(line.clone())),
        }
    }
    let lines = wrapped;
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let box_width = (longest * 6.6 + 16.0).min(width - 8.0);
    let box_height = lines.len() as f64 * 16.0 + 10.0;
    let left = if x + 10.0 + box_width > width {
        (x - 10.0 - box_width).max(4.0)
    } else {
        x + 10.0
    };
    html! {
        <g class="tooltip" transform={format!("translate({},{})", coordinate(left), coordinate(top))}>
            <rect width={coordinate(box_width)} height={coordinate(box_height)} rx="4" />
            { for lines.iter().enumerate().map(|(i, line)| html! {
                <text x="8" y={coordinate(18.0 + i as f64 * 16.0)} class={if i == 0 { "tooltip-title" } else { "" }}>{ line.clone() }</text>
            }) }
        </g>
    }
}

fn y_axis(axis: &Axis, data: &ChartData, width: f64, plot_bottom: f64) -> Html {
    // Money ticks carry their unit ("$50B"); other units are named once, above the axis.
    let unit = (data.unit != ValueUnit::Money).then(|| data.unit.axis_title());
    html! {
        <g class="axis y-axis">
            if let Some(unit) = unit {
                // Above the plot, where the axis starts, so it never sits on the top tick's label.
                <text class="axis-unit" x={coordinate(MARGIN_LEFT)} y={coordinate(MARGIN_TOP - 7.0)}>{ unit }</text>
            }
            { for axis.ticks.iter().map(|tick| {
                let y = axis.position(*tick, plot_bottom, MARGIN_TOP);
                html! {
                    <g>
                        <line class={if tick.is_zero() { "zero" } else { "grid" }} x1={coordinate(MARGIN_LEFT)} x2={coordinate(width - MARGIN_RIGHT)}
                            y1={coordinate(y)} y2={coordinate(y)} />
                        <text x={coordinate(MARGIN_LEFT - 6.0)} y={coordinate(y + 4.0)} text-anchor="end">{ data.unit.tick(*tick) }</text>
                    </g>
                }
            }) }
        </g>
    }
}

/// A drawing's SVG: as wide as the chart's box, hidden from screen readers (the table and the live readout carry
/// the numbers), and following the pointer.
fn surface(width: f64, height: f64, cursor: &Cursor, drawing: Html) -> Html {
    html! {
        <svg width={coordinate(width)} height={coordinate(height)} viewBox={format!("0 0 {} {}", coordinate(width), coordinate(height))}
            aria-hidden="true" focusable="false"
            onmousemove={cursor.onmousemove.clone()} onmouseleave={cursor.onmouseleave.clone()}>
            { drawing }
        </svg>
    }
}

fn frame(props: &ChartProps, node: NodeRef, cursor: &Cursor, readout: Readout, svg: Html) -> Html {
    let data = &props.data;
    let id = &props.id;
    let live = cursor
        .index
        .map(|i| readout(data, i).join(", "))
        .unwrap_or_default();
    // The file is drawn from the page as the reader sees it when pressed: nothing is built before a reader asks.
    let export = |format: ImageFormat| {
        let node = node.clone();
        let id = id.clone();
        let label = format.label();
        let current = props.current.clone();
        let save = Callback::from(move |_: MouseEvent| {
            let parts = node.cast::<web_sys::Element>().and_then(|surface| {
                browser::chart_parts(&surface, &file_source(&current.emit(())))
            });
            if let Some(parts) = parts {
                format.save(&id, &svg_file::file(&parts));
            }
        });
        html! {
            <button type="button" class="chart-export" onclick={save}
                aria-label={format!("Download the chart as {label}: {}", data.title)}>
                { label }
            </button>
        }
    };
    let (as_svg, as_png) = (export(ImageFormat::Svg), export(ImageFormat::Png));
    html! {
        <figure class="chart" id={id.clone()}>
            <figcaption>
                <h3 id={format!("{id}-title")}>{ data.title.clone() }</h3>
                <p class="chart-description" id={format!("{id}-description")}>{ data.description.clone() }</p>
            </figcaption>
            { legend(data) }
            <div class="chart-surface" ref={node} tabindex="0" role="group"
                aria-labelledby={format!("{id}-title")}
                aria-describedby={format!("{id}-description {id}-keys")}
                onkeydown={cursor.onkeydown.clone()} onfocus={cursor.onfocus.clone()} onblur={cursor.onblur.clone()}>
                { svg }
                <span class="visually-hidden" id={format!("{id}-keys")}>{ "Use the arrow keys to read the values." }</span>
                <span class="visually-hidden" aria-live="polite">{ live }</span>
            </div>
            <p class="chart-exports">
                <span aria-hidden="true">{ "Download the chart:" }</span>
                { as_svg }
                { as_png }
            </p>
            <ChartTable data={props.data.clone()} id={id.clone()} />
        </figure>
    }
}

/// A chart: one component for the three drawings, which share its hooks (width, cursor) and its frame, since
/// each component type costs the reader its own copy of Yew's machinery: three types cost 2.2 KB of WebAssembly
/// more than one (about 0.5 KiB brotli).
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let node = use_node_ref();
    let width = use_width(node.clone());
    let data = &props.data;
    let Drawn {
        points,
        page,
        edges,
        readout,
        draw,
    } = match props.drawing {
        Drawing::Lines => lines(data, width),
        Drawing::Bars => bars(data, width),
        Drawing::Shares => shares(data, width),
    };
    let cursor = use_cursor(points, page, edges);
    frame(props, node, &cursor, readout, draw(&cursor))
}

/// What a drawing tells the chart, for its cursor, and the drawing itself.
struct Drawn<'a> {
    /// How many points the cursor moves over.
    points: usize,
    /// How many points Page Up and Page Down skip.
    page: usize,
    /// Where each point's share of the width ends, for the pointer.
    edges: Vec<f64>,
    /// What the tooltip and the live region say at a point.
    readout: Readout,
    /// The SVG, for the cursor as it is.
    draw: Box<dyn FnOnce(&Cursor) -> Html + 'a>,
}

/// [`Drawing::Lines`].
fn lines(data: &ChartData, width: f64) -> Drawn<'_> {
    let count = data.categories.len();
    let (low, high) = data
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let axis = Axis::nice(low, high, 5);
    let plot_bottom = HEIGHT - MARGIN_BOTTOM;
    let x = move |i: usize| {
        let span = count.saturating_sub(1).max(1) as f64;
        MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) * i as f64 / span
    };
    // A point's share reaches halfway to the next point, so the pointer picks the nearest month.
    let edges = edges(count, width, |i| (x(i) + x(i + 1)) / 2.0);
    // The labels mark Januaries, twelve months apart.
    let label_every = label_every(x(12) - x(0));
    let draw = move |cursor: &Cursor| {
        let drawing = html! {
            <>
                { y_axis(&axis, data, width, plot_bottom) }
                <g class="axis x-axis">
                    { for data.x_ticks.iter().enumerate().filter(|(n, _)| n % label_every == 0).map(|(_, (i, label))| html! {
                        <text x={coordinate(x(*i))} y={coordinate(HEIGHT - 10.0)} text-anchor="middle">{ label.clone() }</text>
                    }) }
                </g>
                { for data.series.iter().map(|s| {
                    let points: Vec<(f64, f64)> = s.values.iter().enumerate()
                        .map(|(i, v)| (x(i), axis.position(*v, plot_bottom, MARGIN_TOP))).collect();
                    html! { <path class={classes!("line", s.class, s.dashed.then_some("dashed"))} d={line_path(&points)} /> }
                }) }
                if let Some(i) = cursor.index {
                    <line class="cursor" x1={coordinate(x(i))} x2={coordinate(x(i))} y1={coordinate(MARGIN_TOP)} y2={coordinate(plot_bottom)} />
                    { for data.series.iter().filter_map(|s| s.values.get(i).map(|v| html! {
                        <circle class={classes!("dot", s.class)} r="3.5" cx={coordinate(x(i))} cy={coordinate(axis.position(*v, plot_bottom, MARGIN_TOP))} />
                    })) }
                    { tooltip(&category_readout(data, i), x(i), width, MARGIN_TOP + 4.0) }
                }
            </>
        };
        surface(width, HEIGHT, cursor, drawing)
    };
    Drawn {
        points: count,
        page: 12,
        edges,
        readout: category_readout,
        draw: Box::new(draw),
    }
}

/// [`Drawing::Bars`].
fn bars(data: &ChartData, width: f64) -> Drawn<'_> {
    let count = data.categories.len();
    let high = (0..count)
        .map(|i| {
            data.series
                .iter()
                .filter_map(|s| s.values.get(i))
                .try_fold(Decimal::ZERO, |sum, value| sum.plus(*value))
                .unwrap_or(Decimal::MAX)
        })
        .max()
        .unwrap_or(Decimal::ZERO);
    let axis = Axis::nice(Decimal::ZERO, high, 5);
    let plot_bottom = HEIGHT - MARGIN_BOTTOM;
    let band = (width - MARGIN_LEFT - MARGIN_RIGHT) / count.max(1) as f64;
    let bar = (band * 0.7).min(48.0);
    let center = move |i: usize| MARGIN_LEFT + band * (i as f64 + 0.5);
    let edges = edges(count, width, |i| MARGIN_LEFT + band * (i + 1) as f64);
    let label_every = label_every(band);
    let draw = move |cursor: &Cursor| {
        let drawing = html! {
            <>
                { y_axis(&axis, data, width, plot_bottom) }
                if let Some(i) = cursor.index {
                    <rect class="band-highlight" x={coordinate(center(i) - band / 2.0)} y={coordinate(MARGIN_TOP)}
                        width={coordinate(band)} height={coordinate(plot_bottom - MARGIN_TOP)} />
                }
                { for (0..count).map(|i| {
                    let mut base = Decimal::ZERO;
                    html! {
                        <g>
                            { for data.series.iter().filter_map(|s| {
                                let value = *s.values.get(i)?;
                                let top = base.plus(value).unwrap_or(Decimal::MAX);
                                let y0 = axis.position(base, plot_bottom, MARGIN_TOP);
                                let y1 = axis.position(top, plot_bottom, MARGIN_TOP);
                                base = top;
                                (value > Decimal::ZERO).then(|| html! {
                                    <rect class={classes!("bar", s.class)} x={coordinate(center(i) - bar / 2.0)} y={coordinate(y1)}
                                        width={coordinate(bar)} height={coordinate((y0 - y1).max(0.5))} />
                                })
                            }) }
                        </g>
                    }
                }) }
                <g class="axis x-axis">
                    { for data.x_ticks.iter().filter(|(i, _)| i % label_every == 0).map(|(i, label)| html! {
                        <text x={coordinate(center(*i))} y={coordinate(HEIGHT - 10.0)} text-anchor="middle">{ label.clone() }</text>
                    }) }
                </g>
                { for data.markers.iter().map(|(i, _)| html! {
                    <path class="marker" d={format!("M{},{}l5,8h-10z", coordinate(center(*i)), coordinate(plot_bottom + 1.0))} />
                }) }
                if let Some(i) = cursor.index {
                    { tooltip(&category_readout(data, i), center(i) + band / 2.0 - 10.0, width, MARGIN_TOP + 4.0) }
                }
            </>
        };
        surface(width, HEIGHT, cursor, drawing)
    };
    Drawn {
        points: count,
        page: 5,
        edges,
        readout: category_readout,
        draw: Box::new(draw),
    }
}

/// [`Drawing::Shares`].
fn shares(data: &ChartData, width: f64) -> Drawn<'_> {
    let count = data.series.len();
    // The bar runs from 0 to 1 of the total, which `shares` adds up (checked) for the labels too.
    let axis = Axis {
        min: Decimal::ZERO,
        max: Decimal::ONE,
        ticks: Vec::new(),
    };
    let (left, right) = (8.0, width - 8.0);
    let height = 60.0;
    let mut start = Decimal::ZERO;
    let segments: Vec<(f64, f64, &'static str, String)> = data
        .series
        .iter()
        .zip(data.shares())
        .map(|(s, share)| {
            let x0 = axis.position(start, left, right);
            start = start.plus(share.unwrap_or(Decimal::ZERO)).unwrap_or(start);
            let x1 = axis.position(start, left, right);
            (
                x0,
                x1,
                s.class,
                share.map(format::share).unwrap_or_default(),
            )
        })
        .collect();
    let edges = edges(count, width, |i| segments.get(i).map_or(width, |s| s.1));
    let draw = move |cursor: &Cursor| {
        let drawing = html! {
            <>
                { for segments.iter().enumerate().map(|(i, (x0, x1, class, share))| html! {
                    <g>
                        <rect class={classes!("bar", *class, (cursor.index == Some(i)).then_some("active"))} x={coordinate(*x0)} y="8"
                            width={coordinate((x1 - x0).max(0.0))} height="44" />
                        if label::fits(x1 - x0, share) {
                            <text class="segment-label" x={coordinate(label::start(*x0))} y="35">{ share.clone() }</text>
                        }
                    </g>
                }) }
                if let Some(i) = cursor.index {
                    { segments.get(i).map(|(x0, x1, _, _)| {
                        tooltip(&segment_readout(data, i), (x0 + x1) / 2.0, width, 2.0)
                    }).unwrap_or_default() }
                }
            </>
        };
        surface(width, height, cursor, drawing)
    };
    Drawn {
        points: count,
        page: 1,
        edges,
        readout: segment_readout,
        draw: Box::new(draw),
    }
}
