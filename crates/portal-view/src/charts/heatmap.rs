//! District × key task: each cell is the district's mean completion of the
//! task's targets, coloured by status and labelled with the status icon and the
//! number, so colour is never the only carrier.

use crate::locale::tr;
use charming::Chart;
use charming::component::{Axis, Grid, VisualMap, VisualMapPiece, VisualMapType};
use charming::datatype::DataPoint;
use charming::element::{AxisLabel, AxisType, Formatter, Label, Orient, Tooltip, TriggerOn};
use charming::series::Heatmap;
use plan_model::{Lang, Status};

use super::progress::status_colour;

/// Statuses in the order the legend lists them.
const LEGEND: [Status; 5] =
    [Status::Achieved, Status::OnSchedule, Status::Behind, Status::SeriouslyBehind, Status::NoData];

/// One cell: a district's roll-up on one task.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    /// Mean completion, capped at 100, in per cent; `None` when not measured.
    pub completion: Option<f64>,
    /// The roll-up status.
    pub status: Status,
}

/// What the heatmap shows, independent of pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapView {
    /// Column labels (tasks), left to right.
    pub columns: Vec<String>,
    /// Row labels (districts), top to bottom.
    pub rows: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<HeatCell>>,
    /// Language of labels.
    pub lang: Lang,
}

fn legend_index(status: Status) -> usize {
    match status {
        Status::NotMeasurable => LEGEND.len() - 1,
        s => LEGEND.iter().position(|l| *l == s).unwrap_or(LEGEND.len() - 1),
    }
}

impl HeatmapView {
    /// The text in a cell: status icon and completion (or a dash).
    pub fn cell_text(cell: &HeatCell) -> String {
        match cell.completion {
            Some(c) => format!("{} {:.0}", cell.status.icon(), c),
            None => format!("{} —", cell.status.icon()),
        }
    }

    /// A summary for screen readers: how many cells have each status.
    pub fn description(&self) -> String {
        let mut counts = [0usize; LEGEND.len()];
        for cell in self.cells.iter().flatten() {
            counts[legend_index(cell.status)] += 1;
        }
        let parts: Vec<String> = LEGEND
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{} {n}", s.label(self.lang)))
            .collect();
        tr!(
            self.lang,
            heatmap_description,
            rows = self.rows.len(),
            columns = self.columns.len(),
            parts = parts.join(tr!(self.lang, count_separator))
        )
    }
}

/// The heatmap: tasks across, districts down, one labelled cell each.
pub fn heatmap_chart(view: &HeatmapView) -> Chart {
    // [column, row, legend index, completion or "-", cell text]: the status
    // index drives the colour so unmeasured cells are drawn grey rather than
    // left out. No tooltip: ECharts' string templates cannot pick a dimension,
    // and its default would show the status index as if it were the value;
    // the cell's label and the table below say everything.
    let data: Vec<Vec<DataPoint>> = view
        .cells
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter().enumerate().map(move |(c, cell)| {
                vec![
                    DataPoint::from(c as i64),
                    DataPoint::from(r as i64),
                    DataPoint::from(legend_index(cell.status) as i64),
                    cell.completion.map_or(DataPoint::from("-"), |v| {
                        DataPoint::from((v * 10.0).round() / 10.0)
                    }),
                    DataPoint::from(HeatmapView::cell_text(cell).as_str()),
                ]
            })
        })
        .collect();
    let pieces: Vec<VisualMapPiece> = LEGEND
        .iter()
        .enumerate()
        .map(|(i, s)| {
            VisualMapPiece::new()
                .min(i as f64)
                .max(i as f64)
                .label(format!("{} {}", s.icon(), s.label(view.lang)))
                .color(status_colour(*s))
        })
        .collect();
    Chart::new()
        .tooltip(Tooltip::new().trigger_on(TriggerOn::None))
        .grid(Grid::new().left(8).right(8).top(8).bottom(56).contain_label(true))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .position("top")
                .axis_label(AxisLabel::new().interval(0))
                .data(view.columns.clone()),
        )
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(view.rows.clone()))
        .visual_map(
            VisualMap::new()
                .type_(VisualMapType::Piecewise)
                .dimension(2)
                .orient(Orient::Horizontal)
                .left("center")
                .bottom(0)
                .pieces(pieces),
        )
        .series(
            Heatmap::new()
                .label(
                    // Dark text on a pale chip reads on every status colour.
                    Label::new()
                        .show(true)
                        .formatter(Formatter::String("{@[4]}".into()))
                        .color("#111111")
                        .background_color("rgba(255,255,255,0.85)")
                        .padding((1, 3, 1, 3)),
                )
                .data(data),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> HeatmapView {
        HeatmapView {
            columns: vec!["1".into(), "2".into()],
            rows: vec!["周市镇".into(), "陆家镇".into()],
            cells: vec![
                vec![
                    HeatCell { completion: Some(100.0), status: Status::Achieved },
                    HeatCell { completion: Some(52.04), status: Status::Behind },
                ],
                vec![
                    HeatCell { completion: None, status: Status::NoData },
                    HeatCell { completion: Some(70.0), status: Status::OnSchedule },
                ],
            ],
            lang: Lang::Zh,
        }
    }

    #[test]
    fn every_cell_carries_its_status_in_text() {
        let v = view();
        assert_eq!(HeatmapView::cell_text(&v.cells[0][1]), "▲ 52");
        assert_eq!(HeatmapView::cell_text(&v.cells[1][0]), format!("{} —", Status::NoData.icon()));
        assert!(v.description().contains("进度滞后 1"), "{}", v.description());
    }

    #[test]
    fn chart_snapshot() {
        insta::assert_json_snapshot!(heatmap_chart(&view()));
    }
}
