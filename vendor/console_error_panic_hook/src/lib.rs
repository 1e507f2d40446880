//! Yew installs `console_error_panic_hook::hook` as the default panic hook when it renders. The calculator sets
//! its own hook first (the crash notice, in `view::start`), so in the page this one never runs, yet its message
//! formatting shipped in the module: 0.48 KiB brotli. This stand-in keeps the crate's API; in debug builds (the
//! component tests, which render without the calculator's hook) it logs the panic with its stack to the console
//! as the original does, and in release builds it does nothing.

use std::panic::PanicHookInfo;

#[cfg(all(target_arch = "wasm32", debug_assertions))]
mod console {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console)]
        pub fn error(message: String);

        pub type Error;

        #[wasm_bindgen(constructor)]
        pub fn new() -> Error;

        #[wasm_bindgen(structural, method, getter)]
        pub fn stack(error: &Error) -> String;
    }
}

/// Logs the panic and its stack with `console.error`, in debug builds only.
pub fn hook(info: &PanicHookInfo) {
    #[cfg(all(target_arch = "wasm32", debug_assertions))]
    console::error(format!(
        "{info}\n\nStack:\n\n{}\n\n",
        console::Error::new().stack()
    ));
    #[cfg(not(all(target_arch = "wasm32", debug_assertions)))]
    let _ = info;
}

/// Sets [`hook`] as the panic hook, once.
pub fn set_once() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}
