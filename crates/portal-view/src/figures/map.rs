//! The districts on a tile map: one cell each, placed as the district lies
//! (the plan's `tile`), coloured by its status over the shown indicators, with
//! the status glyph and its rank written in it; choosing a cell opens the
//! district's page. The table beside it is the ranking the cells show.

use plan_model::Lang;

use super::{Cell, Drawn, FigureError, Parts, Table, TableRow};
use crate::format::rank_text;
use crate::locale::tr;
use crate::url::Route;

pub use crate::charts::map::{LEGEND, TileCell, TileMap, fill};

pub(super) fn district_map(parts: &Parts, lang: Lang) -> Result<Drawn, FigureError> {
    let doc = parts.doc;
    if parts.shown.is_empty() || doc.districts.iter().all(|d| d.tile.is_none()) {
        return Err(FigureError::Empty);
    }
    let standings = parts.assessed.standings(&parts.shown);
    let ranked = standings.list.iter().filter(|s| s.rank.is_some()).count();
    let mut cells = Vec::new();
    let mut missing = Vec::new();
    let mut rows = Vec::new();
    let mut counts = [0usize; LEGEND.len()];
    for s in &standings.list {
        let Some(d) = doc.districts.iter().find(|d| d.id == s.district) else { continue };
        let status = s.roll_up.status;
        let href = Route::District(d.id.clone()).href(lang);
        let name = d.name.get(lang);
        let rank = rank_text(s.rank);
        let lead = s.lead_points.map(|p| (p * 10.0).round() / 10.0);
        rows.push(TableRow::new(vec![
            Cell::link(name, href.clone()),
            Cell { value: s.rank.map(|r| r as f64), ..Cell::text(rank.clone()) },
            Cell::status(status, lang),
            Cell::percent(lead),
        ]));
        let Some(tile) = &d.tile else {
            missing.push(name.to_owned());
            continue;
        };
        counts[LEGEND.iter().position(|l| *l == status).unwrap_or(LEGEND.len() - 1)] += 1;
        let place = match s.rank {
            Some(r) => tr!(lang, map_rank, rank = r),
            None => String::new(),
        };
        let words = match s.rank {
            Some(r) => tr!(
                lang,
                map_cell_words,
                name = name,
                status = status.label(lang),
                rank = r,
                of = ranked,
                lead = lead.map_or_else(String::new, |l| format!("{l:+.1}"))
            ),
            None => format!("{name}{}{}", crate::format::colon(lang), status.label(lang)),
        };
        cells.push(TileCell {
            column: tile.column,
            row: tile.row,
            label: tile.label.get(lang).to_owned(),
            figure: format!("{} {place}", status.icon()).trim_end().to_owned(),
            words,
            status,
            href,
        });
    }
    // The plan's order, so the page reads west to east, north to south the same each time.
    cells.sort_by_key(|c| (c.row, c.column));
    let columns = cells.iter().map(|c| c.column + 1).max().unwrap_or(0);
    let grid_rows = cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    let legend =
        LEGEND.iter().map(|s| (format!("{} {}", s.icon(), s.label(lang)), fill(*s))).collect();
    let parts_said: Vec<String> = LEGEND
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.label(lang)))
        .collect();
    let heading = tr!(lang, map_heading);
    let mut description = tr!(
        lang,
        map_description,
        cells = cells.len(),
        parts = parts_said.join(tr!(lang, count_separator))
    );
    if !missing.is_empty() {
        description.push(' ');
        description.push_str(&tr!(
            lang,
            map_missing,
            names = missing.join(tr!(lang, count_separator))
        ));
    }
    let map = TileMap { columns, rows: grid_rows, cells, legend, missing };
    Ok(Drawn {
        map: Some(map),
        // Full names and four columns: the table needs the card's width.
        stacked: true,
        ..Drawn::new(
            heading,
            heading.to_owned(),
            tr!(lang, map_subtitle).to_owned(),
            charming::Chart::new(),
            description,
            Table {
                caption: format!("{heading} {}", tr!(lang, same_data_as_chart)),
                headers: vec![
                    tr!(lang, col_district).to_owned(),
                    tr!(lang, rank_label).to_owned(),
                    tr!(lang, col_status).to_owned(),
                    tr!(lang, map_col_lead).to_owned(),
                ],
                rows,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use plan_model::Lang;

    use crate::assessed::{Assessed, bundled};
    use crate::figures::build;
    use crate::url::{FigureId, Filters, Route};

    /// Each district's cell is where the plan puts it, says the status and
    /// rank the standings give, links to its page, and the table lists the
    /// same ranking; the picture has the cell's link and words.
    #[test]
    fn the_cells_and_the_table_say_the_ranking() {
        let (doc, data) = bundled();
        let assessed = Assessed::new(doc.clone(), data, None);
        let all: Vec<String> = doc.indicators.iter().map(|i| i.id.clone()).collect();
        let standings = assessed.standings(&all);
        for lang in [Lang::Zh, Lang::En] {
            let f = build(&FigureId::DistrictMap, &doc, Some(&assessed), lang, &Filters::default())
                .unwrap();
            let map = f.map.as_ref().expect("a map");
            assert_eq!(map.cells.len(), doc.districts.len(), "every district has its cell");
            assert!(map.missing.is_empty());
            let picture = f.picture();
            for (row, s) in f.table.rows.iter().zip(&standings.list) {
                let d = doc.districts.iter().find(|d| d.id == s.district).unwrap();
                let tile = d.tile.as_ref().unwrap();
                let cell = map.cells.iter().find(|c| (c.column, c.row) == (tile.column, tile.row));
                let cell = cell.expect("the district's cell");
                let href = Route::District(d.id.clone()).href(lang);
                assert_eq!(cell.href, href);
                assert_eq!(cell.status, s.roll_up.status);
                assert_eq!(row.cells[0].text, d.name.get(lang));
                assert_eq!(row.cells[1].value, s.rank.map(|r| r as f64));
                assert_eq!(row.cells[2].status, Some(s.roll_up.status));
                let rank = s.rank.unwrap().to_string();
                assert!(cell.figure.contains(&rank), "{}", cell.figure);
                assert!(cell.figure.starts_with(s.roll_up.status.icon()), "{}", cell.figure);
                assert!(cell.words.contains(d.name.get(lang)), "{}", cell.words);
                assert!(picture.contains(&format!("<a href=\"{href}\"")), "a link to {href}");
            }
        }
    }

    /// A district without a tile is named under the map, and a map with
    /// none is no figure at all.
    #[test]
    fn districts_without_a_place_are_named_and_no_places_no_map() {
        let (doc, data) = bundled();
        let mut plan = (*doc).clone();
        plan.districts[2].tile = None;
        let name = plan.districts[2].name.en.clone();
        let plan = std::sync::Arc::new(plan);
        let assessed = Assessed::new(plan.clone(), data.clone(), None);
        let f =
            build(&FigureId::DistrictMap, &plan, Some(&assessed), Lang::En, &Filters::default())
                .unwrap();
        assert_eq!(f.map.as_ref().unwrap().missing, std::slice::from_ref(&name));
        assert!(f.description.contains(&name), "{}", f.description);
        assert!(f.picture().contains(&name));
        let mut none = (*plan).clone();
        none.districts.iter_mut().for_each(|d| d.tile = None);
        let none = std::sync::Arc::new(none);
        let assessed = Assessed::new(none.clone(), data, None);
        assert!(
            build(&FigureId::DistrictMap, &none, Some(&assessed), Lang::En, &Filters::default())
                .is_err()
        );
    }
}
