//! `render-site [DIST] [--site-url URL] [--lang zh|en]`: writes every view of
//! the portal as a static page into a built `dist/` (default `dist`), from the
//! data in `DIST/data/`, with `sitemap.xml` and `robots.txt`. The site's public
//! address (for canonical links and the sitemap) comes from `--site-url`, else
//! `SITE_URL`, else the local `make serve` address. Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use plan_model::Lang;
    use portal_site::publish::publish;

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
        eprintln!(
            "{}",
            match lang {
                Lang::Zh => format!("网站地址须以 http:// 或 https:// 开头：{url}"),
                Lang::En => format!("The site address must start with http:// or https://: {url}"),
            }
        );
        return std::process::ExitCode::from(2);
    }
    match publish(&dist, Some(&url)) {
        Ok(report) => {
            let kb = report.bytes / 1024;
            println!(
                "{}",
                match lang {
                    Lang::Zh => format!(
                        "已生成 {} 个页面（{kb} KB），用时 {} 毫秒：{}",
                        report.pages,
                        report.millis,
                        dist.display()
                    ),
                    Lang::En => format!(
                        "Wrote {} pages ({kb} KB) in {} ms into {}",
                        report.pages,
                        report.millis,
                        dist.display()
                    ),
                }
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
