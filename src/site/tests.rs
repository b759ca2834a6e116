use super::*;

fn site() -> Site {
    let (plan, progress) = crate::assessed::bundled();
    Site {
        plan,
        progress,
        read_ahead: ReadAhead { previous: Some(None), ..Default::default() },
        url: "https://example.org/plan/".to_owned(),
    }
}

const TRUNK: &str = r#"<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <meta charset="utf-8" />
    <!-- a note -->
    <link rel="stylesheet" href="./main-1.css" integrity="sha384-x"/>
    <script type="module" src="./boot-1.js" integrity="sha384-y"></script>
  </head>
  <body><p>ignored</p></body>
</html>"#;

#[test]
fn spike() {
    let site = site();
    let template = Template::parse(TRUNK).expect("template");
    let page = Page { lang: Lang::Zh, route: Route::Overview };
    let html = site.render(&template, &page, false);
    std::fs::write("/tmp/spike.html", &html).unwrap();
    assert!(html.contains("<title>"));
}
