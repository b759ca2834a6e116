//! `render-site [DIST] [--site-url URL] [--lang zh|en]`: writes every view of
//! the portal as a static page into a built `dist/` (default `dist`), from the
//! data in `DIST/data/`, with `sitemap.xml` and `robots.txt`. The site's public
//! address (for canonical links and the sitemap) comes from `--site-url`, else
//! `SITE_URL`, else the local `make serve` address. Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use plan_model::Lang;
    use portal_site::publish::publish;
    use portal_view::locale::tr;

    let mut dist = std::path::PathBuf::from("dist");
    let mut url = std::env::var("SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080/".to_owned());
    let mut lang = Lang::Zh;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site-url" => url = args.next().unwrap_or_default(),
            "--lang" => lang = args.next().as_deref().and_then(Lang::from_code).unwrap_or(lang),
            "-h" | "--help" => {
                println!("render-site [DIST] [--site-url URL] [--lang zh|en]");
                return std::process::ExitCode::SUCCESS;
            }
            other => dist = other.into(),
        }
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        eprintln!("{}", tr!(lang, render_site_bad_address, url = url));
        return std::process::ExitCode::from(2);
    }
    match publish(&dist, Some(&url)) {
        Ok(report) => {
            let (pages, kb, millis) = (report.pages, report.bytes / 1024, report.millis);
            let dist = dist.display();
            println!(
                "{}",
                tr!(
                    lang,
                    render_site_written,
                    pages = pages,
                    kb = kb,
                    millis = millis,
                    dist = dist
                )
            );
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.message(lang));
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
