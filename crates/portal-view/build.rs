//! leptos_i18n's `load_locales!` reads `locales/*.json` while compiling, but
//! Cargo does not know that: this makes an edited locale file rebuild the crate.

fn main() {
    println!("cargo::rerun-if-changed=locales");
}
