//! Data and methods: how completion and status are computed (with the
//! thresholds of the current release), the files to download with their sizes
//! and SHA-256, every release, the licence and the plan's original text.

use leptos::prelude::*;
use plan_model::release::{Manifest, RELEASES_DIR, ReleaseSummary};
use plan_model::{Lang, PlanDocument, ProgressDocument};

use crate::components::{Loaded, SampleNotice};
use crate::data::{DATA_DIR, DataError, load_manifest, load_release_index};

/// The data and methods page.
#[component]
pub fn DataPage(
    /// The loaded plan.
    doc: PlanDocument,
    /// The progress data, loading or loaded.
    progress: LocalResource<Result<ProgressDocument, DataError>>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let manifest = LocalResource::new(load_manifest);
    let releases = LocalResource::new(load_release_index);
    let licence = doc.plan.licence.clone();
    let original = format!("{DATA_DIR}/{}", doc.plan.original_text);
    view! {
        <article class="data-page">
            <h1>"数据与方法"</h1>
            <Loaded resource=progress lang=lang ok=|data| view! { <Methods data=data /> } />
            <section class="card" aria-labelledby="downloads-heading">
                <h2 id="downloads-heading">"下载当前版本"</h2>
                <Loaded resource=manifest lang=lang ok=|m| view! { <Downloads manifest=m /> } />
            </section>
            <section class="card" aria-labelledby="releases-heading">
                <h2 id="releases-heading">"历次发布"</h2>
                <Loaded resource=releases lang=lang ok=|list| view! { <Releases list=list /> } />
            </section>
            <section class="card" aria-labelledby="licence-heading">
                <h2 id="licence-heading">"许可与原文"</h2>
                <p>
                    "数据许可："
                    <a href=licence.url.clone() rel="license">{licence.name.clone()}</a>
                    "。" {licence.note.get(lang).to_owned()}
                </p>
                <p>
                    <a href=original>"方案原文（纯文本）"</a>
                </p>
            </section>
        </article>
    }
}

/// How the numbers are computed, with this release's thresholds.
#[component]
fn Methods(data: ProgressDocument) -> impl IntoView {
    let t = data.thresholds.clone();
    view! {
        {data.release.sample.then(|| view! { <SampleNotice /> })}
        <section class="card methods" aria-labelledby="methods-heading">
            <h2 id="methods-heading">"完成度与状态如何计算"</h2>
            <ul>
                <li>"完成度 = 最新数值 ÷ 目标值（累计数有公布基数时，从基数起算）；“下降”“提高…个百分点”类目标，数值为已下降或已提高的幅度。"</li>
                <li>"序时进度：逐年累积的指标，按截至日期已过去的全年天数比例计算（数据给出季度节点时按节点）；增速、占比、比率类指标，任何时点都按目标水平本身衡量（100%）。"</li>
                <li>
                    "状态：达到目标即“已完成”；“稳定在”“保持在…以上”按是否达到判断；其余按完成度落后序时进度的百分点："
                    {format!("不超过 {} 个百分点为“进度正常”，不超过 {} 个百分点为“进度滞后”，超过则为“严重滞后”。", t.behind_points, t.seriously_behind_points)}
                </li>
                <li>{format!("“左右”“稳定在”允许目标值上下 {}% 的误差。", t.about_tolerance_percent)}</li>
                <li>"没有数值为“暂无数据”；定性任务没有进展记录、或区镇没有分解目标时为“无法量化”。"</li>
                <li>"领域、任务、区镇的汇总状态：全部完成为“已完成”，否则按各项落后序时进度的平均百分点（领先不抵扣落后）判断。"</li>
            </ul>
            <p>"阈值写在数据文件 progress.json 的 thresholds 中，调整时会在更新说明中注明。"</p>
        </section>
    }
}

/// Files of the current release with size and hash.
#[component]
fn Downloads(manifest: Manifest) -> impl IntoView {
    let folder = format!("{DATA_DIR}/{RELEASES_DIR}/{}", manifest.version);
    let rows = manifest
        .files
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">
                        <a href=format!("{DATA_DIR}/{}", f.path) download=f.path.clone()>{f.path.clone()}</a>
                    </th>
                    <td>{f.bytes.to_string()}</td>
                    <td><code class="hash">{f.sha256.clone()}</code></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>
            {format!("版本 {} · 发布于 {} · 数据截至 {}。", manifest.version, manifest.published, manifest.as_of)}
            "核对下载文件：在版本文件夹中运行 "
            <code>"sha256sum -c SHA256SUMS"</code>
            "（"
            <a href=format!("{folder}/SHA256SUMS")>"SHA256SUMS"</a>
            "）。"
        </p>
        <table class="data-table downloads">
            <caption>"当前版本的数据文件"</caption>
            <thead>
                <tr>
                    <th scope="col">"文件"</th>
                    <th scope="col">"字节"</th>
                    <th scope="col">"SHA-256"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Every published release, newest first, each with its frozen folder.
#[component]
fn Releases(list: Vec<ReleaseSummary>) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|r| {
            let manifest = format!("{DATA_DIR}/{RELEASES_DIR}/{}/manifest.json", r.version);
            view! {
                <tr>
                    <th scope="row">{r.version.clone()}</th>
                    <td>{r.published.clone()}</td>
                    <td>{r.as_of.clone()}</td>
                    <td>{if r.sample { "示例数据" } else { "正式数据" }}</td>
                    <td><a href=manifest>"清单"</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table releases">
            <caption>"每个版本都完整保存，旧版本的链接和引用不会失效"</caption>
            <thead>
                <tr>
                    <th scope="col">"版本"</th>
                    <th scope="col">"发布日期"</th>
                    <th scope="col">"数据截至"</th>
                    <th scope="col">"类型"</th>
                    <th scope="col">"文件清单"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
