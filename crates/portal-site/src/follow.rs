//! The follow index: for each language, every district, key task and
//! indicator a reader can follow, with its name, page, status now and feed,
//! and the statuses in words (`<lang>/follow-index.json`). The overview's
//! "what you follow" reads it (scripts/page/follow.js), only for a reader
//! who follows something.

use plan_model::{Lang, Status};
use portal_ui::ui::{FOLLOW_INDEX, status_code};
use portal_view::url::{Location, Route};
use serde_json::{Map, json};

use crate::Site;

/// The index for each language.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let assessed = &site.assessed;
    let plan = &assessed.plan;
    let standings = assessed.standings(&[]);
    [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| {
            let mut items = Map::new();
            let mut put = |key: String, name: &str, route: Route, status: Status, feed: bool| {
                let feed = feed.then(|| Location::feed_path(lang, &route));
                items.insert(
                    key,
                    json!({
                        "name": name,
                        "href": route.href(lang),
                        "status": status_code(status),
                        "feed": feed,
                    }),
                );
            };
            for d in &plan.districts {
                let status = standings.of(&d.id).map_or(Status::NoData, |s| s.roll_up.status);
                put(
                    format!("district:{}", d.id),
                    d.name.get(lang),
                    Route::District(d.id.clone()),
                    status,
                    true,
                );
            }
            for t in &plan.tasks {
                let status = assessed.task(&t.id).map_or(Status::NoData, |r| r.status);
                put(
                    format!("task:{}", t.id),
                    t.name.get(lang),
                    Route::Task(t.id.clone()),
                    status,
                    true,
                );
            }
            for i in &plan.indicators {
                let status = assessed.card.city.get(&i.id).map_or(Status::NoData, |a| a.status);
                put(
                    format!("indicator:{}", i.id),
                    i.name.get(lang),
                    Route::Indicator(i.id.clone()),
                    status,
                    false,
                );
            }
            let statuses: Map<String, serde_json::Value> = Status::ALL
                .iter()
                .map(|s| (status_code(*s), json!(format!("{} {}", s.icon(), s.label(lang)))))
                .collect();
            let index = json!({
                "release": site.progress.release.version,
                "as_of": site.progress.release.as_of,
                "statuses": statuses,
                "items": items,
            });
            let mut text = serde_json::to_string(&index).unwrap_or_default();
            text.push('\n');
            (format!("{}/{FOLLOW_INDEX}", lang.code()), text.into_bytes())
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every district, task and indicator is in each language's index with
    /// its page, its status as the pages show it and, for districts and
    /// tasks, its feed.
    #[test]
    fn the_index_holds_everything_a_reader_can_follow() {
        let site = crate::tests::site();
        let plan = &site.plan;
        for (file, bytes) in files(&site) {
            let index: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            let lang = if file.starts_with("en/") { Lang::En } else { Lang::Zh };
            let items = index["items"].as_object().expect("items");
            assert_eq!(
                items.len(),
                plan.districts.len() + plan.tasks.len() + plan.indicators.len()
            );
            assert_eq!(index["release"], site.progress.release.version.as_str());
            let d = &plan.districts[0];
            let item = &items[&format!("district:{}", d.id)];
            assert_eq!(item["name"], d.name.get(lang));
            assert_eq!(item["href"], Route::District(d.id.clone()).href(lang).as_str());
            let status = site.assessed.standings(&[]).of(&d.id).expect("ranked").roll_up.status;
            assert_eq!(item["status"], status_code(status).as_str());
            assert_eq!(
                index["statuses"][status_code(status)],
                format!("{} {}", status.icon(), status.label(lang))
            );
            assert!(item["feed"].as_str().is_some_and(|f| f.ends_with("feed.xml")));
            let i = &plan.indicators[0];
            assert!(items[&format!("indicator:{}", i.id)]["feed"].is_null());
        }
    }
}
