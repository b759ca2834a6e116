//! Names the one distinction the components make between builds:
//! `static_render` (natively, or a wasm built with the `render` feature, the
//! publishing studio's worker) renders each view to HTML with the data handed
//! over; without it (the app's own wasm) the view runs in the reader's browser.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(static_render)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if !wasm || std::env::var_os("CARGO_FEATURE_RENDER").is_some() {
        println!("cargo::rustc-cfg=static_render");
    }
}
