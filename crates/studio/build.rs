//! `renders_pages`: this build has the site's renderer, natively (the tests)
//! or in the worker's wasm (feature `worker`); the page's wasm has not.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(renders_pages)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if !wasm || std::env::var_os("CARGO_FEATURE_WORKER").is_some() {
        println!("cargo::rustc-cfg=renders_pages");
    }
}
