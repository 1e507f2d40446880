//! Mounts the calculator. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    deal_calculator::view::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("deal-calculator runs in the browser: build it with `trunk build --release`.");
}
