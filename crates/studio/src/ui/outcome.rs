//! What reading a sheet gave: the verdict, the messages and the grid with the bad cells marked.

use super::*;

#[component]
pub(super) fn OutcomeView(outcome: Arc<Outcome>, lang: Lang) -> impl IntoView {
    let verdict = match outcome.verdict {
        Verdict::Imported => "imported",
        Verdict::Refused => "refused",
        Verdict::BadCells => "bad-cells",
        Verdict::Invalid => "invalid",
    };
    let warnings = outcome.warnings;
    let lines = outcome
        .lines
        .iter()
        .map(|l| {
            let class = if l.error { "studio-line-error" } else { "studio-line-warning" };
            let glyph = if l.error { "✗ " } else { "⚠ " };
            view! { <li class=class>{glyph}{l.text.clone()}</li> }
        })
        .collect_view();
    let grid = &outcome.grid;
    let grid_view = (!grid.rows.is_empty()).then(|| {
        let headings = grid
            .headings
            .iter()
            .map(|h| view! { <th scope="col">{h.clone()}</th> })
            .collect_view();
        let rows = grid
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .map(|c| match &c.problem {
                        Some(problem) => view! {
                            <td class="cell-bad">
                                <span class="cell-value">{c.text.clone()}</span>
                                <span class="cell-problem">"✗ "{problem.clone()}</span>
                            </td>
                        }
                        .into_any(),
                        None => view! { <td>{c.text.clone()}</td> }.into_any(),
                    })
                    .collect_view();
                let row_problem = r.problem.clone();
                view! {
                    <tr class:row-bad=row_problem.is_some()>
                        <th scope="row">{r.number}</th>
                        {cells}
                    </tr>
                    {row_problem.map(|p| view! {
                        <tr class="row-problem"><td colspan=r.cells.len() + 1>"✗ "{p}</td></tr>
                    })}
                }
            })
            .collect_view();
        let caption = say(Say::GridCaption, lang, &[]);
        let label = caption.clone();
        view! {
            <div class="table-scroll studio-grid-wrap" role="region" aria-label=label tabindex="0">
                <table class="studio-grid">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">{say(Say::Row, lang, &[])}</th>{headings}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let summary_label = outcome.summary.clone();
    let more_lines = (outcome.more_lines > 0)
        .then(|| view! { <p>{say(Say::LinesMore, lang, &[("count", &outcome.more_lines)])}</p> });
    let more = (grid.more > 0)
        .then(|| view! { <p>{say(Say::GridMore, lang, &[("count", &grid.more)])}</p> });
    view! {
        <div class="studio-outcome" data-verdict=verdict>
            <p class="studio-summary" role="alert">{outcome.summary.clone()}</p>
            {(warnings > 0).then(|| view! { <p>{say(Say::Warnings, lang, &[("count", &warnings)])}</p> })}
            // A long list scrolls: a region that the keyboard can reach.
            <div class="studio-scroll" role="region" tabindex="0" aria-label=summary_label>
                <ul class="studio-lines">{lines}</ul>
            </div>
            {more_lines}
            {grid_view}
            {more}

        </div>
    }
}
