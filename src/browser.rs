//! The browser edge: the one module that touches `window`, `location`, `history`, the clipboard and
//! `postMessage`. Everything here tolerates failure, because sandboxed iframes throw on storage, clipboards can be
//! denied and a host page may be gone: a failed call returns `false` or `None`, never a panic.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::plot::{self, svg_file};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's query string, with its leading `?`, or "".
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment: where a share link points. Read once: only the query
/// changes while the page is open, and renders ask for it on every edit.
pub fn base_address() -> String {
    thread_local! {
        static BASE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
    }
    BASE.with(|base| {
        base.get_or_init(|| {
            let Some(location) = window().map(|w| w.location()) else {
                return String::new();
            };
            let origin = location.origin().unwrap_or_default();
            let path = location.pathname().unwrap_or_default();
            format!("{origin}{path}")
        })
        .clone()
    })
}

/// Runs `then` when the browser is idle after painting the current frame (at the latest 100 ms later), so work
/// that can wait (redrawing charts) never delays the frame that shows what the reader just changed. Browsers
/// without `requestIdleCallback` run it in a task after the next frame.
pub fn when_idle(then: impl FnOnce() + 'static) {
    idle_task(Box::new(then));
}

/// Runs `then` in a task after the browser has painted the next frame, or after 50 ms if no frame comes:
/// hidden documents and cross-origin frames scrolled out of view get no frames, and must not wait for one.
pub fn after_paint(then: impl FnOnce() + 'static) {
    paint_task(Box::new(then));
}

/// Runs `then` after `ms`, unless the timer it returns is dropped first.
pub fn later(ms: u32, then: impl FnOnce() + 'static) -> gloo::timers::callback::Timeout {
    let then: Box<dyn FnOnce()> = Box::new(then);
    gloo::timers::callback::Timeout::new(ms, then)
}

// The three above box their work so that each caller's closure does not compile its own copy of the browser
// calls below (or of gloo's timer): generic, they cost the reader about two kilobytes of WebAssembly.

fn idle_task(then: Box<dyn FnOnce()>) {
    let Some(window) = window() else {
        return then();
    };
    let has_idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .is_ok_and(|idle| idle.is_function());
    if !has_idle {
        return paint_task(then);
    }
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(100);
    let task = Closure::once_into_js(then);
    if window
        .request_idle_callback_with_options(task.unchecked_ref(), &options)
        .is_err()
    {
        paint_task(Box::new(move || {
            let _ = task
                .unchecked_ref::<js_sys::Function>()
                .call0(&JsValue::NULL);
        }));
    }
}

fn paint_task(then: Box<dyn FnOnce()>) {
    let Some(window) = window() else {
        return then();
    };
    // Whichever comes first runs the work; the other finds it gone.
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
    let run = move || {
        if let Some(then) = once.take() {
            then();
        }
    };
    let fallback = Closure::once_into_js(run.clone());
    let after_frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let task = Closure::once_into_js(run);
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 50);
}

/// How long the reader must pause before work that follows the scenario runs (charts, the address bar, the live
/// region, the share link). Human keystrokes are mostly further apart than this, so charts still follow each key;
/// a burst of fast typing or a held key redraws them once, at the end, instead of competing with every
/// keystroke's frame.
const PAUSE_MS: u32 = 120;

/// Work that waits for the reader to pause: each [`AfterPause::run`] replaces the work still waiting and moves the
/// end of the pause to [`PAUSE_MS`] from then; the work runs in the first idle moment after that end. Work whose
/// pause has ended may still be waiting for that idle moment, so it should read the latest state when it runs
/// rather than carry its own.
///
/// One timer serves a burst of keystrokes: when it fires before the pause has ended, it waits again for the rest.
/// Clearing a timer and setting a new one on every keystroke made and dropped a closure across the boundary each
/// time: about 0.06 ms of a keystroke's 3 at 1×, in CPU profiles of 600 edits.
#[derive(Default)]
pub struct AfterPause(std::rc::Rc<Pause>);

#[derive(Default)]
struct Pause {
    work: std::cell::Cell<Option<Box<dyn FnOnce()>>>,
    /// When the pause ends, in milliseconds since the epoch.
    ends: std::cell::Cell<f64>,
    /// The timer, while one is set.
    timer: std::cell::Cell<Option<gloo::timers::callback::Timeout>>,
}

impl AfterPause {
    pub fn run(&self, then: impl FnOnce() + 'static) {
        let pause = &self.0;
        pause.work.set(Some(Box::new(then)));
        pause.ends.set(js_sys::Date::now() + f64::from(PAUSE_MS));
        match pause.timer.take() {
            Some(timer) => pause.timer.set(Some(timer)),
            None => wait(self.0.clone(), PAUSE_MS),
        }
    }
}

/// Sets the pause's timer. The timer holds the pause until it fires, so work set just before its component goes
/// away still runs, once; the page's root, the one user, lives as long as the page.
fn wait(pause: std::rc::Rc<Pause>, ms: u32) {
    let fired = pause.clone();
    let timer = later(ms, move || {
        // Either branch drops the timer that is firing, which is safe: its closure is freed once this call returns.
        let left = fired.ends.get() - js_sys::Date::now();
        // More than a whole pause left means the clock went back: the pause has ended as far as anyone can tell.
        if left > 0.0 && left <= f64::from(PAUSE_MS) {
            wait(fired, left.ceil() as u32);
        } else {
            fired.timer.set(None);
            if let Some(work) = fired.work.take() {
                idle_task(work);
            }
        }
    });
    pause.timer.set(Some(timer));
}

/// Keeps the address bar in step with the scenario without calling the history API on every keystroke (each
/// call costs a millisecond or more, and browsers throttle pages that make hundreds in a few seconds). An edit
/// waits until [`AddressBar::flush`], which the page calls when the reader pauses; a whole new scenario adds an
/// entry at once, after writing any edit still waiting, so Back returns to exactly what the reader had.
#[derive(Default)]
pub struct AddressBar {
    waiting: std::cell::RefCell<Option<Query>>,
    /// The address an edit's write replaced. A reload pressed before that write, whose page had not yet gone when
    /// it ran (a slow server), loads this address: see [`AddressBar::keep_on_page_hide`].
    written_over: std::cell::RefCell<Option<String>>,
}

/// Makes the query (without `?`) when it is about to be written, so keystrokes do not pay for encoding it.
pub type Query = Box<dyn FnOnce() -> String>;

impl AddressBar {
    pub fn write(&self, query: Query, how: HistoryWrite) {
        match how {
            HistoryWrite::Replace => {
                self.waiting.replace(Some(query));
            }
            HistoryWrite::Push => {
                self.flush();
                write_query(&query(), HistoryWrite::Push);
                // A reload now loads the new entry, which holds all there is.
                self.written_over.take();
            }
        }
    }

    /// Writes the edit still waiting, if any.
    pub fn flush(&self) {
        let waiting = self.waiting.take();
        if let Some(query) = waiting {
            let before = address();
            write_query(&query(), HistoryWrite::Replace);
            self.written_over.replace(Some(before));
        }
    }

    /// Drops an edit still waiting: the address already moved (Back or Forward) and holds what is shown.
    pub fn forget(&self) {
        self.waiting.take();
        self.written_over.take();
    }

    /// Writes the edit still waiting, if any, as the page goes away, and keeps the address it is now for
    /// [`restore_reloaded_edit`], with the address the last edit's write replaced: a reload starts from the address as
    /// it was when the reader pressed Reload, which may be before that write. Written at every leave, empty
    /// when no edit was written, so nothing kept before a stay in the back-forward cache outlives it.
    fn flush_for_reload(&self) {
        self.flush();
        let kept = match self.written_over.borrow().as_ref() {
            Some(from) => format!("{from}\n{}", query().trim_start_matches('?')),
            None => String::new(),
        };
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(RELOAD_KEY, &kept);
        }
    }

    /// Writes an edit still waiting when the page is hidden for good (closed, reloaded or navigated away), and
    /// keeps it across a reload. The listener lives as long as the page.
    pub fn keep_on_page_hide(self: std::rc::Rc<Self>) {
        let Some(window) = window() else { return };
        let listener = Closure::<dyn Fn()>::new(move || self.flush_for_reload());
        let _ =
            window.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

/// Where [`AddressBar`] keeps, for one reload, the address the page was left at and the query it should have had.
/// Session storage belongs to the tab and ends with it.
const RELOAD_KEY: &str = "deal-calculator:reload";

fn session_storage() -> Option<web_sys::Storage> {
    // Throws in a sandboxed frame without same-origin access: then nothing is kept.
    window()?.session_storage().ok().flatten()
}

/// The page's path and query: what a reload loads again (session storage is already the origin's).
fn address() -> String {
    let path = window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("{path}{}", query())
}

/// If this load is a reload of an address an edit's write replaced just before the page went (see
/// [`AddressBar::keep_on_page_hide`]), writes that edit's query into the address bar, where the page then reads
/// it. Whatever was kept is used once, or dropped.
pub fn restore_reloaded_edit() {
    let Some(storage) = session_storage() else {
        return;
    };
    let Some(kept) = storage.get_item(RELOAD_KEY).ok().flatten() else {
        return;
    };
    // Emptied rather than removed: one storage call fewer for the glue to carry.
    let _ = storage.set_item(RELOAD_KEY, "");
    if let Some((from, query)) = kept.split_once('\n') {
        if is_reload() && address() == from {
            write_query(query, HistoryWrite::Replace);
        }
    }
}

/// Whether this load is a reload (Navigation Timing): opening an address afresh, typed or from a link, must show
/// what it says.
fn is_reload() -> bool {
    let Some(performance) = window().and_then(|w| w.performance()) else {
        return false;
    };
    let navigation = performance.get_entries_by_type("navigation").get(0);
    js_sys::Reflect::get(&navigation, &JsValue::from_str("type"))
        .ok()
        .and_then(|kind| kind.as_string())
        .is_some_and(|kind| kind == "reload")
}

/// Whether a history write replaces the current entry (an edit) or adds one (a whole new scenario).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryWrite {
    Replace,
    Push,
}

/// Writes `query` (without `?`) into the address bar; keeps the path and the fragment.
pub fn write_query(query: &str, how: HistoryWrite) -> bool {
    let Some(window) = window() else { return false };
    let Ok(history) = window.history() else {
        return false;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        == query
    {
        return true;
    }
    let result = match how {
        HistoryWrite::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryWrite::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    result.is_ok()
}

/// Calls `on_change` with the new query whenever the reader goes Back or Forward.
/// The listener lives as long as the page.
pub fn on_history_change(on_change: impl Fn(String) + 'static) {
    let Some(window) = window() else { return };
    let listener = Closure::<dyn Fn()>::new(move || on_change(query()));
    let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Calls `on_leave` when the reader leaves the page: the window loses focus (to the address bar or another
/// window) or the page is hidden (another tab, or closing it); not when it shows again. The listeners live as
/// long as the page.
pub fn on_leave(on_leave: impl Fn() + 'static) {
    let Some(window) = window() else { return };
    let Some(document) = window.document() else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new({
        let document = document.clone();
        move |event: web_sys::Event| {
            if event.type_() == "blur" || document.hidden() {
                on_leave();
            }
        }
    });
    let callback = listener.as_ref().unchecked_ref();
    let _ = window.add_event_listener_with_callback("blur", callback);
    let _ = document.add_event_listener_with_callback("visibilitychange", callback);
    listener.forget();
}

/// The paint a chart's file keeps on each of its elements, read from the page's computed style: the stylesheet
/// does not travel with the file. (The font family is set once, on the file.)
const PAINT: [&str; 9] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-size",
    "font-weight",
];

/// What a chart draws only while the reader points at it (the tooltip, the cursor, the highlighted band and
/// dots): not part of the saved chart.
const POINTER_ONLY: &str = ".tooltip, .cursor, .dot, .band-highlight";

/// The chart whose drawing is in `surface` (a chart's `.chart-surface`), measured for a standalone file: the
/// drawing cloned with each element's computed paint written on it as presentation attributes, without what is
/// drawn only under the pointer, and the legend where the page lays it out. `None` when the page is not as the
/// chart component builds it.
pub fn chart_parts(surface: &web_sys::Element, source: &str) -> Option<svg_file::Parts> {
    let window = window()?;
    let computed = |element: &web_sys::Element, property: &str| {
        window
            .get_computed_style(element)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value(property).ok())
            .unwrap_or_default()
    };
    let elements = |root: &web_sys::Element, selector: &str| -> Vec<web_sys::Element> {
        root.query_selector_all(selector).map_or_else(
            |_| Vec::new(),
            |list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                    .collect()
            },
        )
    };
    let figure = surface.closest("figure").ok()??;
    let drawing = surface.query_selector("svg").ok()??;
    let copy: web_sys::Element = drawing.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    for (from, to) in elements(&drawing, "*").iter().zip(elements(&copy, "*")) {
        for property in PAINT {
            let _ = to.set_attribute(property, &computed(from, property));
        }
        // The bar under the pointer is outlined only while pointed at.
        let class = from.get_attribute("class").unwrap_or_default();
        if class.split_whitespace().any(|name| name == "active") {
            let _ = to.set_attribute("stroke", "none");
        }
    }
    for pointer_only in elements(&copy, POINTER_ONLY) {
        pointer_only.remove();
    }
    for attribute in ["aria-hidden", "focusable"] {
        let _ = copy.remove_attribute(attribute);
    }
    // Axis labels may reach past the drawing's box, as the page lets them.
    let _ = copy.set_attribute("overflow", "visible");
    let legend = figure.query_selector(".legend").ok()??;
    let origin = legend.get_bounding_client_rect();
    let entries = elements(&legend, "li")
        .iter()
        .filter_map(|item| {
            let swatch = item.query_selector(".swatch").ok()??;
            let class = swatch.class_name();
            let (kind, color) = if class.contains("marker") {
                (svg_file::Swatch::Marker, "border-bottom-color")
            } else if class.contains("dashed") {
                (svg_file::Swatch::Dashed, "border-top-color")
            } else {
                (svg_file::Swatch::Block, "background-color")
            };
            let at = item.get_bounding_client_rect();
            Some(svg_file::LegendEntry {
                x: at.left() - origin.left(),
                y: at.top() - origin.top(),
                swatch: kind,
                color: computed(&swatch, color),
                text: item.text_content().unwrap_or_default(),
            })
        })
        .collect();
    let title = figure.query_selector("h3").ok()??;
    let description = figure.query_selector(".chart-description").ok()??;
    let size = drawing.get_bounding_client_rect();
    Some(svg_file::Parts {
        width: size.width(),
        title: title.text_content().unwrap_or_default(),
        description: description.text_content().unwrap_or_default(),
        legend: entries,
        legend_height: origin.height(),
        drawing: copy.outer_html(),
        drawing_height: size.height(),
        source: source.to_owned(),
        background: computed(&figure, "background-color"),
        text: computed(&title, "color"),
        muted: computed(&description, "color"),
        font: computed(&figure, "font-family"),
    })
}

/// Saves `url` as a file named `name`, as a link with `download` would when followed: a link made for the
/// moment, so no link on the page holds a stale file or offers the page itself to "Save link as…".
pub fn download(name: &str, url: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = link.set_attribute("href", url);
    let _ = link.set_attribute("download", name);
    link.click();
}

/// How many image pixels a PNG has per CSS pixel of the chart: sharp on a high-density screen or a slide.
const PNG_SCALE: f64 = 2.0;
/// The PNG's pixel density as a `pHYs` chunk, base64: 7,559 pixels per metre (192 per inch, twice the CSS
/// pixel's 96, as `PNG_SCALE`), so slide and word-processing software place the picture at the chart's size, not
/// at twice it. Constant, CRC included; 21 bytes make 28 base64 characters without padding.
const PNG_DENSITY: &str = "AAAACXBIWXMAAB2HAAAdhwGP5fFl";
const _: () = assert!(PNG_SCALE == 2.0, "PNG_DENSITY says 192 ppi: twice 96");
/// A PNG `data:` URL's prefix, then the signature and `IHDR` chunk every PNG starts with: 33 bytes, 44 base64
/// characters, so the density chunk goes in right after them without decoding anything.
const PNG_URL_PREFIX: &str = "data:image/png;base64,";
const PNG_HEAD: usize = PNG_URL_PREFIX.len() + 44;

/// The largest canvas side every browser draws (Safari's limit is lowest); a chart is far below it.
const CANVAS_LIMIT: f64 = 16_384.0;

/// Saves a chart's SVG file as a PNG, for the places that take no SVG (slides, social posts, most content
/// systems). The browser draws the file as an image onto a canvas, so no image encoder ships; the file is an
/// image of its own, with no fonts or styles to fetch, so the canvas stays readable (untainted). Should the
/// browser fail to draw it, the reader still gets the chart, as the SVG file.
pub fn download_png(png_name: &str, svg_name: &str, file: &svg_file::SvgFile) {
    let svg_url = plot::data_url(svg_file::MEDIA_TYPE, &file.text);
    // The file's own size, not the image's, which browsers round to whole pixels.
    let side = |pixels: f64| {
        let scaled = (pixels * PNG_SCALE).ceil();
        (1.0..=CANVAS_LIMIT).contains(&scaled).then_some(scaled)
    };
    let (Some(width), Some(height), Ok(image)) = (
        side(file.width),
        side(file.height),
        web_sys::HtmlImageElement::new(),
    ) else {
        download(svg_name, &svg_url);
        return;
    };
    let (png_name, svg_name, fallback) =
        (png_name.to_owned(), svg_name.to_owned(), svg_url.clone());
    let drawn = image.clone();
    // One handler for load and error, so whichever comes frees it.
    let done = Closure::once_into_js(move |event: web_sys::Event| {
        let png = (event.type_() == "load")
            .then(|| png_url(&drawn, width, height))
            .flatten();
        match png {
            Some(url) => download(&png_name, &url),
            None => download(&svg_name, &fallback),
        }
    });
    image.set_onload(Some(done.unchecked_ref()));
    image.set_onerror(Some(done.unchecked_ref()));
    image.set_src(&svg_url);
}

/// A loaded image drawn on a canvas of the given size, as a PNG `data:` URL.
fn png_url(image: &web_sys::HtmlImageElement, width: f64, height: f64) -> Option<String> {
    let canvas = window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    // Whole pixels within the canvas limit (see `side` above), so the conversions are exact.
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .ok()?;
    let url = canvas.to_data_url().ok()?;
    match url.split_at_checked(PNG_HEAD) {
        Some((head, rest)) if head.starts_with(PNG_URL_PREFIX) => {
            Some(format!("{head}{PNG_DENSITY}{rest}"))
        }
        _ => Some(url),
    }
}

/// Copies text to the clipboard; `false` when the browser refuses (no permission, not a secure context, a
/// sandboxed frame). The caller then offers the text selected instead.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else { return false };
    let navigator = window.navigator();
    // Some sandboxed frames have no clipboard object at all; reading it must not throw.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|value| !value.is_undefined() && !value.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Whether the browser offers the Web Share dialog.
pub fn can_share() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("share")).ok())
        .is_some_and(|share| share.is_function())
}

/// Opens the Web Share dialog; `false` if it is missing, refused or dismissed.
pub async fn share(title: &str, url: &str) -> bool {
    let Some(window) = window() else { return false };
    let navigator = window.navigator();
    let Ok(share) = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")) else {
        return false;
    };
    let Ok(share) = share.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let Ok(promise) = share.call1(&navigator, &data) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Focuses and selects the text of an input or a textarea, so the reader can copy it by hand.
pub fn select_input(id: &str) {
    if let Some(field) = element(id) {
        // A textarea has focus() and select() too, and wasm-bindgen's glue calls a method by its name on the
        // object, so one cast serves both.
        let field = field.unchecked_into::<web_sys::HtmlInputElement>();
        let _ = field.focus();
        field.select();
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// Sets `data-theme` (and `data-mode`) on the root element; CSS does the rest.
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Empties the mount point of the static, no-JavaScript figures before the app renders into it.
pub fn mount_point() -> Option<web_sys::Element> {
    let root = element("app")?;
    root.set_inner_html("");
    Some(root)
}

/// Shows the static crash notice that index.html carries, hidden. Called from the panic hook, so it allocates
/// little and cannot itself panic.
pub fn show_crash_notice() {
    if let Some(notice) = element("crash") {
        let _ = notice.remove_attribute("hidden");
    }
    if let Some(app) = element("app") {
        let _ = app.set_attribute("aria-hidden", "true");
        let _ = app.set_attribute("inert", "");
    }
}

/// Whether the page runs inside a frame, where resize messages make sense.
pub fn in_frame() -> bool {
    let Some(window) = window() else { return false };
    match (window.parent(), window.top()) {
        (Ok(Some(parent)), _) => parent != window,
        _ => false,
    }
}

/// The three resize messages host libraries understand, for a content height in CSS pixels.
fn post_height(height: u32, frame_id: &str, pym_id: Option<&str>) {
    let Some(window) = window() else { return };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // Our own namespaced message, read by dist/embed.js.
    let own = js_sys::Object::new();
    for (key, value) in [
        ("sender", JsValue::from_str("deal-calculator")),
        ("version", JsValue::from_f64(1.0)),
        ("method", JsValue::from_str("resize")),
        ("height", JsValue::from_f64(f64::from(height))),
        ("id", JsValue::from_str(frame_id)),
    ] {
        let _ = js_sys::Reflect::set(&own, &key.into(), &value);
    }
    let _ = parent.post_message(&own, "*");
    // AMP's embed-size, which @newswire/frames also reads.
    let amp = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
    let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
    let _ = js_sys::Reflect::set(
        &amp,
        &"height".into(),
        &JsValue::from_f64(f64::from(height)),
    );
    let _ = parent.post_message(&amp, "*");
    // Pym.js's child message, when a Pym parent gave us an id.
    if let Some(id) = pym_id {
        let text = format!("pymxPYMx{id}xPYMxheightxPYMx{height}");
        let _ = parent.post_message(&JsValue::from_str(&text), "*");
    }
}

/// Watches the page's height and posts it to the parent frame whenever it changes, rounded up so the frame
/// never shows an inner scrollbar. Also answers a host script that asks for the height (it may have loaded
/// after the first message was sent). Only in a frame; the observer and listener live as long as the page.
pub fn report_height(frame_id: String, pym_id: Option<String>) {
    if !in_frame() {
        return;
    }
    let Some(window) = window() else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let measure = move || {
        let height = root.get_bounding_client_rect().height().ceil();
        (height.is_finite() && height > 0.0).then(|| height.min(100_000.0) as u32)
    };
    let post = std::rc::Rc::new(move |force: bool, last: &std::cell::Cell<u32>| {
        let Some(height) = measure() else { return };
        if force || height != last.get() {
            last.set(height);
            post_height(height, &frame_id, pym_id.as_deref());
        }
    });
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));

    let (on_post, on_last) = (post.clone(), last.clone());
    let on_resize = Closure::<dyn Fn()>::new(move || on_post(false, &on_last));
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        observer.observe(&root);
    }
    on_resize.forget();
    std::mem::forget(observer);

    // The only message the page acts on: {sender: "deal-calculator-host", method: "request-height"}, answered
    // with the height. Anything else from the host page is ignored.
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if data.is_object()
                && field("sender").as_deref() == Some("deal-calculator-host")
                && field("method").as_deref() == Some("request-height")
            {
                post(true, &last);
            }
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Calls `on_width` with an element's content width now and whenever it changes, until dropped. Charts draw at
/// their real pixel width, so text stays readable on a phone instead of shrinking with a fixed viewBox.
pub struct WidthObserver {
    observer: Option<web_sys::ResizeObserver>,
    _listener: Closure<dyn Fn(js_sys::Array)>,
}

impl WidthObserver {
    pub fn new(element: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> WidthObserver {
        let listener = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .ok()
            else {
                return;
            };
            let width = entry.content_rect().width();
            if width.is_finite() && width > 0.0 {
                on_width(width);
            }
        });
        let observer = web_sys::ResizeObserver::new(listener.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(element);
        }
        WidthObserver {
            observer,
            _listener: listener,
        }
    }
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Where a pointer event falls across the chart (the `svg` it happened in), from 0 (left edge) to 1 (right
/// edge). Not across `current_target`: Yew listens at the app's root, so that is the whole page.
pub fn pointer_fraction(event: &web_sys::MouseEvent) -> Option<f64> {
    let svg = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("svg")
        .ok()??;
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return None;
    }
    Some(((f64::from(event.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0))
}

/// For `bench/run.mjs`: the model's time for the reported deal, in microseconds per run, measured here in the
/// browser over `iterations` runs. Only in the bench's own build (the `bench` feature); the page never calls it.
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchModelMicroseconds)]
pub fn bench_model_microseconds(iterations: u32) -> f64 {
    let Some(performance) = window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let scenario = crate::model::scenario::Scenario::reported();
    let iterations = iterations.max(1);
    let start = performance.now();
    for _ in 0..iterations {
        std::hint::black_box(
            crate::model::Outcome::compute(std::hint::black_box(&scenario)).is_ok(),
        );
    }
    (performance.now() - start) * 1000.0 / f64::from(iterations)
}

/// Focuses the element `id` once the page has re-rendered and painted: where Add and Remove send the reader. A
/// removed card's button takes focus with it, which would drop the reader at the page's start. A field's text is
/// selected: a new card's name is a stand-in ("Tranche 3") that the reader's first key should replace.
pub fn focus_soon(id: String) {
    after_paint(move || {
        if let Some(element) = element(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
            if let Some(field) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                field.select();
            }
        }
    });
}

/// Focuses the element `id` with its top just below the top of the screen (room for the focus ring): where the
/// skip link sends the reader. Focus alone centres an element taller than the screen, which left a phone's reader
/// in the middle of the second chart. The page's own window scrolls, never a host page framing it, as
/// `scrollIntoView` would.
pub fn focus_at_top(id: &str) {
    let Some(window) = window() else { return };
    if let Some(element) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
        window.scroll_by_with_x_and_y(0.0, element.get_bounding_client_rect().top() - 8.0);
    }
}

/// Says `text` in the status region `id`, for a change a screen reader would not otherwise hear: the page's own
/// (in index.html, beside the app) or a panel's. The text is written here, not rendered, so that no render
/// rewrites it. After the next paint, so that it follows a focus that [`focus_soon`] moves in the same handler: a
/// screen reader stops speaking when focus moves. The same words twice end in a no-break space the second time,
/// since a region whose text stays is not read again. Unless `lasting` (an instruction the reader still needs),
/// the words go seven seconds after they were last written, as React Aria's announcer's do: a "Link copied."
/// would otherwise stay while the reader's next edits move the scenario on, and a reader going through the page
/// later would come upon a "Removed …" long past.
pub fn announce(id: &'static str, text: String, lasting: bool) {
    thread_local! {
        // Each region's pending clearing. A write replaces it (dropping a Timeout cancels it): comparing words
        // instead would let an earlier timer clear later words that happen to be the same.
        static CLEARING: std::cell::RefCell<Vec<(&'static str, gloo::timers::callback::Timeout)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    after_paint(move || {
        if let Some(status) = element(id) {
            let text = if status.text_content().as_deref() == Some(text.as_str()) {
                text + "\u{a0}"
            } else {
                text
            };
            status.set_text_content(Some(&text));
            CLEARING.with_borrow_mut(|pending| {
                pending.retain(|(region, _)| *region != id);
                if !lasting {
                    pending.push((id, later(7_000, move || status.set_text_content(None))));
                }
            });
        }
    });
}

/// Whether a blur took the focus to another element of the page. A tab or window losing focus blurs the focused
/// element too, but leaves it the document's active element: the reader is still at it.
pub fn left_for_another(event: &web_sys::FocusEvent) -> bool {
    let active = window()
        .and_then(|w| w.document())
        .and_then(|document| document.active_element())
        .map(JsValue::from);
    active != event.target().map(JsValue::from)
}

/// Whether the `<details>` element that fired a toggle event is now open.
pub fn is_open(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &JsValue::from_str("open")).ok())
        .is_some_and(|value| value.is_truthy())
}

/// For the end-to-end test of the crash notice: panics on purpose. Reachable only by script running in the
/// page's own origin (which could stop the page anyway); no link, option or message leads here.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = selfTestCrash)]
pub fn self_test_crash() {
    panic!("self-test of the crash notice");
}
