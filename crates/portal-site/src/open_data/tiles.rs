//! The districts' tile map layout, published so that a reporter can draw the
//! same map: HexJSON (the Open Data Institute's format for hex and tile maps,
//! `odd-r`: odd rows half a cell east, as the portal draws them) and a CSV
//! table of the same cells. Written from the plan the pages show.

use plan_model::release::{TILES_CSV_FILE, TILES_HEXJSON_FILE};
use plan_model::{Bilingual, PlanDocument};
use portal_view::open_data::tables::{Column, Kind, Table};
use serde_json::{Map, json};

use super::{DATA_DIR, pretty};

/// Both files, or none when the plan places no district.
pub fn files(plan: &PlanDocument) -> Vec<(String, Vec<u8>)> {
    let placed: Vec<_> =
        plan.districts.iter().filter_map(|d| d.tile.as_ref().map(|t| (d, t))).collect();
    if placed.is_empty() {
        return Vec::new();
    }
    let mut hexes = Map::new();
    for (d, t) in &placed {
        hexes.insert(
            d.id.clone(),
            json!({
                "q": t.column,
                "r": t.row,
                "n": d.name.zh,
                "name_en": d.name.en,
                "label_zh": t.label.zh,
                "label_en": t.label.en,
                "kind": d.kind,
            }),
        );
    }
    let hexjson = json!({ "layout": "odd-r", "hexes": hexes });
    let column = |name, zh, en, kind| Column { name, zh, en, kind, required: true };
    let table = Table {
        name: "district-tiles",
        title: Bilingual { zh: "区镇地图格子".into(), en: "District tile map".into() },
        columns: vec![
            column("id", "区镇 id", "District id", Kind::Text),
            column("q", "列（西起）", "Column (from the west)", Kind::Integer),
            column("r", "行（北起）", "Row (from the north)", Kind::Integer),
            column("name_zh", "名称", "Name (Chinese)", Kind::Text),
            column("name_en", "英文名称", "Name (English)", Kind::Text),
            column("label_zh", "简称", "Short name (Chinese)", Kind::Text),
            column("label_en", "英文简称", "Short name (English)", Kind::Text),
        ],
        key: &["id"],
        references: &[],
        rows: placed
            .iter()
            .map(|(d, t)| {
                vec![
                    d.id.clone(),
                    t.column.to_string(),
                    t.row.to_string(),
                    d.name.zh.clone(),
                    d.name.en.clone(),
                    t.label.zh.clone(),
                    t.label.en.clone(),
                ]
            })
            .collect(),
    };
    vec![
        (format!("{DATA_DIR}/{TILES_HEXJSON_FILE}"), pretty(&hexjson)),
        (format!("{DATA_DIR}/{TILES_CSV_FILE}"), table.csv()),
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Each district's cell is in both files as the plan places it, and a
    /// plan with no places writes neither.
    #[test]
    fn the_layout_is_the_plans_in_both_files() {
        let plan = crate::tests::site().plan;
        let written = files(&plan);
        assert_eq!(written.len(), 2);
        let hexjson: serde_json::Value = serde_json::from_slice(&written[0].1).expect("JSON");
        assert_eq!(hexjson["layout"], "odd-r");
        let csv = String::from_utf8(written[1].1.clone()).expect("UTF-8");
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "id,q,r,name_zh,name_en,label_zh,label_en");
        assert_eq!(lines.len(), plan.districts.len() + 1);
        for d in &plan.districts {
            let tile = d.tile.as_ref().expect("every bundled district is placed");
            let hex = &hexjson["hexes"][&d.id];
            assert_eq!(
                (hex["q"].as_u64(), hex["r"].as_u64()),
                (Some(tile.column.into()), Some(tile.row.into()))
            );
            assert_eq!(hex["n"], d.name.zh.as_str());
            let start = format!("{},{},{},{}", d.id, tile.column, tile.row, d.name.zh);
            assert!(lines.iter().any(|l| l.starts_with(&start)), "{start}");
        }
        let mut none = (*plan).clone();
        none.districts.iter_mut().for_each(|d| d.tile = None);
        assert!(files(&none).is_empty());
    }
}
