//! The studio page's own words, in Chinese and English. Findings are the
//! model's (`plan_model::messages`), cell problems and release messages
//! publishing's (`plan_publish::messages`), so the tool and the studio say the
//! same; this table holds only what the page itself says,
//! and lives here so that the public site's wasm never carries it.

plan_model::bilingual_table! {
    /// A sentence of the studio page.
    pub enum Say {
        /// The studio's data could not be read from the site.
        CannotOpen:
            "无法读取网站当前发布的数据（{path}）：{error}。请检查网络后刷新本页。",
            "The site's current release could not be read ({path}): {error}. Check the connection and reload this page.";
        /// While the release is fetched.
        Opening: "正在读取网站当前发布的数据……", "Reading the site's current release…";
        /// Step 1's heading.
        StepStart: "1. 起点：网站当前发布的数据", "1. Start: the site's current release";
        /// What the studio starts from.
        Current:
            "当前发布：版本 {version}，数据截至 {as_of}，共 {figures} 个数值、{updates} 条进展。",
            "Current release: version {version}, figures as of {as_of}: {figures} values, {updates} updates.";
        /// The draft differs from the current release.
        Draft:
            "草稿：已导入 {sheets} 个表格，尚未发布。关闭或刷新本页会丢失草稿。",
            "Draft: {sheets} sheets imported, not yet published. Closing or reloading this page loses the draft.";
        /// No sheet imported yet.
        NoDraft: "尚未导入表格：草稿与当前发布相同。", "No sheet imported yet: the draft is the current release.";
        /// Start again from the current release.
        Discard: "放弃草稿，从当前发布重新开始", "Discard the draft and start again from the current release";
        /// Step 2's heading.
        StepImport: "2. 导入填好的表格", "2. Import a filled sheet";
        /// The file input's label.
        ChooseFile: "选择填好的表格（.xlsx 或 .csv）：", "Choose a filled sheet (.xlsx or .csv):";
        /// Where the file goes.
        StaysHere:
            "表格只在本浏览器中读取，不会上传到任何地方。",
            "The sheet is read in this browser only; it is not sent anywhere.";
        /// While a sheet is read.
        Reading: "正在读取 {file} ……", "Reading {file}…";
        /// The grid's caption.
        GridCaption:
            "有问题的行（行号与表格相同，第 1 行是表头；✗ 标出有问题的单元格）",
            "Rows with problems (numbered as in the sheet, the header is row 1; ✗ marks a bad cell)";
        /// Messages left out of the list.
        LinesMore: "另有 {count} 条未列出：请先改正以上各处再导入。", "{count} more are not listed: fix those above and import again.";
        /// Rows left out of the grid.
        GridMore: "另有 {count} 行有问题，未在此列出（见上方列表）。", "{count} more rows with problems are not shown here (see the list above).";
        /// A row number heading.
        Row: "行", "Row";
        /// Warnings after an import.
        Warnings:
            "⚠ {count} 条警告：请逐条阅读，确认无误后再发布。",
            "⚠ {count} warnings: read each before publishing.";
        /// The box that accepts the warnings.
        AcceptWarnings: "我已阅读第 2 步列出的警告，仍要发布", "I have read the warnings listed in step 2 and still want to publish";
        /// Step 3's heading.
        StepChanges: "3. 核对变化", "3. Check what changed";
        /// No change in the figures.
        NoChanges: "数值、进展和期限都与当前发布相同。", "The figures, updates and due dates are those of the current release.";
        /// Changes left out.
        ChangesMore: "另有 {count} 处变化未列出。", "{count} more changes are not listed.";
        /// How many changes.
        ChangesCount: "共 {count} 处变化（数值、进展和期限）：", "{count} changes (figures, updates and due dates):";
        /// Step 4's heading.
        StepRelease: "4. 生成发布包", "4. Make the release";
        /// The release form's version field.
        Version: "版本号（如 2026.12.0；不可与已发布的重复）", "Version (e.g. 2026.12.0; never one already published)";
        /// The release form's date field.
        Date: "发布日期（YYYY-MM-DD）", "Publication date (YYYY-MM-DD)";
        /// The release form's Chinese notes.
        NotesZh: "本次更新说明（中文，必填）", "What this release changes, in Chinese (required)";
        /// The release form's English notes.
        NotesEn: "本次更新说明（英文）", "What this release changes, in English";
        /// What an empty English note gives.
        NotesEnEmpty:
            "英文可以留空：英文页面会显示中文说明，并注明“仅中文”。",
            "May be left empty: the English pages then show the Chinese note, marked \"in Chinese only\".";
        /// Texts without English in the draft.
        Untranslated:
            "英文页面：草稿中有 {count} 处进展文字（进展、问题、下一步或佐证标题）没有英文，英文页面会在这些地方显示中文原文，并注明“仅中文”。如需英文，请在表格的“（英文）”列中补上后重新导入。",
            "English pages: {count} texts of the draft's updates (progress, problems, next steps or evidence titles) have no English; the English pages show the Chinese there, marked \"in Chinese only\". For English, fill the \"（英文）\" columns of the sheet and import it again.";
        /// The release button.
        MakeRelease: "检查并生成发布包（ZIP）", "Check and make the release (ZIP)";
        /// Warnings not yet accepted.
        AcceptFirst: "草稿有警告：请先阅读并勾选“我已阅读以上警告”。", "The draft has warnings: read them and tick the box first.";
        /// The draft or plan has errors.
        DraftErrors:
            "草稿有 {count} 处错误，不能发布：{first}",
            "The draft has {count} errors and cannot be published: {first}";
        /// A release made, with its pages.
        ReleaseMade:
            "✔ 已生成 {file}（{count} 个文件，其中 {pages} 个页面），浏览器已开始下载。解压后把其中的全部内容（data 文件夹和各个页面）上传到网站根目录，覆盖原有文件；旧版本的冻结副本保持不变。",
            "✔ Made {file} ({count} files, {pages} of them pages); your browser is downloading it. Unzip it and upload all it holds (the data folder and the pages) to the site's root over the old files; the frozen copies of earlier releases stay as they are.";
        /// A release made without its pages.
        ReleaseDataOnly:
            "✔ 已生成 {file}（{count} 个文件，只含数据），浏览器已开始下载。{why}上传其中的 data 文件夹后，网站页面仍显示旧版本，直到在网站文件夹中运行 plan-data release 或 make dist 重新生成页面。",
            "✔ Made {file} ({count} files, the data only); your browser is downloading it. {why} Once its data folder is uploaded, the site's pages still show the old release until plan-data release or make dist renders them again in the site's folder.";
        /// What the ZIP holds.
        ReleaseHolds:
            "发布包含数据文件、manifest.json、冻结副本 releases/<版本号>/（含 SHA256SUMS）、版本索引，以及用新数据重新生成的网站页面（各页面及其链接预览图、订阅源、站点地图、开放数据文件和空白模板），与在网站文件夹中运行 plan-data release 写出的文件相同。",
            "The release holds the data files, manifest.json, the frozen copy releases/<version>/ (with SHA256SUMS), the releases index and the site's pages rendered again with the new data (every page and its link-preview picture, the feeds, the sitemap, the open-data files and the blank templates), as plan-data release writes them in the site's folder.";
        /// The site's own files could not be read: the release holds data only.
        NoSiteFiles:
            "未能读取网站的页面模板（index.html、site.json），发布包只含数据，不含页面。",
            "The site's page template (index.html, site.json) could not be read: the release holds the data only, not the pages.";
        /// The session runs on the page, without the renderer.
        NoWorker:
            "此浏览器不支持发布工作台的后台处理（模块 Worker），无法生成页面，发布包只含数据。请使用较新的浏览器以生成完整的发布包。",
            "This browser cannot run the studio's background work (a module worker), so the pages cannot be rendered: the release holds the data only. Use a newer browser for a complete release.";
        /// The button that writes the release into a folder.
        WriteFolder: "直接写入网站文件夹……", "Write it straight into the site's folder…";
        /// What that button does.
        WriteFolderIntro:
            "也可以不下载 ZIP：选择电脑上的网站文件夹（其中有 data 文件夹），工作台把同样的文件直接写进去（仅 Chrome、Edge 等浏览器支持）。",
            "Or, instead of the ZIP: choose the site's folder on this computer (the one holding the data folder) and the studio writes the same files straight into it (Chrome, Edge and the like only).";
        /// Written into the folder.
        FolderWritten:
            "✔ 已把 {count} 个文件写入所选文件夹（数据和页面）。",
            "✔ Wrote {count} files into the folder chosen (the data and the pages).";
        /// No folder chosen.
        FolderNotChosen: "未写入：没有选择文件夹（{error}）。", "Nothing written: no folder was chosen ({error}).";
        /// Not a site's folder.
        NotASiteFolder:
            "未写入：所选文件夹不是网站文件夹（其中没有 data/manifest.json）。请选择网站的根文件夹。",
            "Nothing written: the folder chosen is not a site's (it has no data/manifest.json). Choose the site's root folder.";
        /// The release is in the folder already, whole.
        FolderHasVersion:
            "所选文件夹已是版本 {version}（data/manifest.json 所写），完整无缺：无需再写。",
            "The folder chosen already serves version {version} (its data/manifest.json says so), whole: nothing to write.";
        /// The folder serves another release than the draft's base.
        FolderElsewhere:
            "未写入：所选文件夹现在是版本 {serving}，而这份草稿是从版本 {base} 开始的。写入会撤销或跳过 {serving}。请从这个文件夹重新开始（第 1 步“选择文件夹”），再导入表格。",
            "Nothing written: the folder chosen serves release {serving}, but this draft started from release {base}. Writing would undo or skip {serving}. Start again from this folder (step 1, “Choose a folder”) and import the sheet again.";
        /// Writing stopped part way.
        FolderStopped:
            "写入 {file} 时停止：{error}。已写入 {done} / {count} 个文件；网站的 data/manifest.json 最后才写，所以它仍说上一版，部分页面可能已是新版。请再点一次“直接写入”把它写完，或改用 ZIP。",
            "Stopped writing {file}: {error}. {done} of {count} files were written. The site's data/manifest.json is written last, so it still names the previous release, though some pages may already be new: write again to finish, or use the ZIP.";
        /// The page preview's heading.
        PreviewHeading: "页面预览", "Page preview";
        /// What the preview is.
        PreviewIntro:
            "下面是用草稿数据生成的网站页面，与发布后相同，只是版本号显示为“preview”。它尚未发布；页面里的链接打开的是网站已发布的内容。预览中不运行网站脚本：图表在发布后绘制，这里显示页面本身和每个图表旁的数据表。",
            "Below, the site's pages rendered with the draft, as they will be after the release but with the version \"preview\". Nothing is published yet; links in the page open the site as published. The site's scripts do not run in the preview: the charts are drawn once released; here you see the page itself and the table beside each chart.";
        /// The page chooser's label.
        PreviewChoose: "选择要预览的页面：", "Choose a page to preview:";
        /// The preview's pages in Chinese.
        PagesZh: "中文页面", "Pages in Chinese";
        /// The preview's pages in English.
        PagesEn: "英文页面", "Pages in English";
        /// The preview button.
        PreviewShow: "预览此页", "Preview this page";
        /// While a page is rendered.
        PreviewRendering: "正在生成预览……", "Rendering the preview…";
        /// The preview frame's title.
        PreviewFrame: "预览（未发布）：{page}", "Preview (not published): {page}";
        /// The notes of the preview's release.
        PreviewNotes: "预览：尚未发布。", "Preview: not yet published.";
        /// A page name in the chooser.
        PageOverview: "总览", "Overview";
        /// A page name in the chooser.
        PageCommitments: "全部举措", "All commitments";
        /// A page name in the chooser.
        PageData: "数据与方法", "Data and methods";
        /// A page name in the chooser.
        PageIndicator: "指标：{name}", "Indicator: {name}";
        /// A page name in the chooser.
        PageTask: "任务：{name}", "Task: {name}";
        /// A page name in the chooser.
        PageDistrict: "区镇：{name}", "District: {name}";
        /// A page name in the chooser.
        PageDepartment: "部门：{name}", "Department: {name}";
        /// A page the site has not.
        NoSuchPage: "网站没有页面 {file}。", "The site has no page {file}.";
        /// The session runs on the page: no preview.
        NoWorkerPreview:
            "此浏览器不支持发布工作台的后台处理（模块 Worker），无法预览页面。",
            "This browser cannot run the studio's background work (a module worker), so pages cannot be previewed.";
        /// The status preview's heading.
        StatusPreview:
            "发布后网站将显示的全市状态（括号内为当前发布）：",
            "The citywide statuses the site will show after the release (the current release's in brackets):";
        /// One status count.
        StatusCount: "{status}：{after}（原 {before}）", "{status}: {after} ({before})";
        /// An indicator whose status changes.
        StatusChange:
            "{indicator}：{before} → {after}（完成度 {from} → {to}）",
            "{indicator}: {before} → {after} (completion {from} → {to})";
        /// No status changes.
        NoStatusChange: "没有指标的全市状态发生变化。", "No indicator's citywide status changes.";
        /// A file the site serves that is not as its manifest lists it.
        NoManifest:
            "没有 {file}：无法核对其中的文件，所以不能从它开始。请使用网站的 data 文件夹或工作台生成的发布包。",
            "no {file}: its files cannot be checked, so the studio cannot start from it. Use the site's data folder or a release the studio made.";
        /// A file the manifest lists is not there.
        ListedMissing:
            "缺少 {file}：发布清单列出了它，但这里没有；这份副本不完整，不能从它开始。",
            "{file} is missing: the manifest lists it, but it is not here; this copy is incomplete and cannot be started from.";
        /// A file differs from what its manifest or SHA256SUMS says.
        NotVouched:
            "{file} 与发布清单（manifest.json / SHA256SUMS）不一致：它在发布后被改过或没有复制完整，不能从它开始。请使用未改动的副本；若是用 plan-data import 改过数据，请先用 plan-data release 发布。",
            "{file} is not as its manifest (manifest.json / SHA256SUMS) says: it was changed after publishing or not copied whole, so the studio cannot start from it. Use an unchanged copy; if the data was changed with plan-data import, publish it with plan-data release first.";
        /// Files that were not carried.
        LeftOut:
            "未带入（没有任何发布清单列出它，或冻结副本不完整）：{files}。",
            "Left out (no manifest lists them, or a frozen copy is not whole): {files}.";
        /// A file on the site differs from its manifest.
        NotAsListed:
            "网站上的 {file} 与发布清单不一致（大小或 SHA-256 不同），可能正在更新：请稍后刷新本页。",
            "{file} on the site is not as its manifest lists it (size or SHA-256 differ); the site may be being updated: reload this page a little later.";
        /// An update the draft adds.
        UpdateAdded: "新增进展：{name}（{date}）", "New update: {name} ({date})";
        /// An update the draft changes.
        UpdateChanged: "修改进展：{name}（{date}）", "Changed update: {name} ({date})";
        /// A due date the draft sets or changes.
        DueChanged: "期限：{name}：{before} → {after}", "Due date: {name}: {before} → {after}";
        /// A ZIP that holds no release.
        NotARelease:
            "不是发布包：发布包是工作台生成的 ZIP，内含 data/plan.json 和 data/progress.json。",
            "this is not a release: a release is a ZIP the studio made, holding data/plan.json and data/progress.json.";
        /// The second way to start.
        ChooseZip:
            "或者从一个尚未上传的发布包（ZIP）继续：",
            "Or go on from a release (ZIP) not yet uploaded:";
        /// Started from a ZIP.
        FromZip: "（来自 {file}）", " (from {file})";
        /// The third way to start.
        ChooseFolder:
            "或者从这台电脑上的一个文件夹开始（网站文件夹、其中的 data 文件夹，或解压后的发布包）。浏览器可能会问是否“上传”这些文件：它们并不会离开这台电脑，只在本页读取。",
            "Or start from a folder on this computer (the site's folder, its data folder, or an unpacked release). The browser may ask whether to \"upload\" its files: they do not leave this computer; only this page reads them.";
        /// The folder input's label.
        FolderLabel: "选择文件夹：", "Choose a folder:";
        /// Started from a folder.
        FromFolder: "（来自文件夹 {folder}）", " (from the folder {folder})";
        /// Reading a folder.
        ReadingFolder: "正在读取文件夹 {folder}（{count} 个文件）……", "Reading the folder {folder} ({count} files)…";
        /// A folder without a release in it.
        NotAReleaseFolder:
            "这个文件夹里没有网站的数据：需要一个同时含有 manifest.json、plan.json 和 progress.json 的 data 文件夹。",
            "this folder holds no site data: it needs a data folder with manifest.json, plan.json and progress.json in it.";
        /// A sheet with bad cells.
        BadCells:
            "{file}：{count} 处错误，未导入任何数据，草稿未改动。请在表格中改正下列单元格，保存后重新选择文件。",
            "{file}: {count} errors; nothing was imported and the draft is unchanged. Correct the cells below, save, and choose the file again.";
        /// A CSV in no encoding tried.
        WrongEncoding:
            "无法按 {encoding} 编码读取：请在表格软件中另存为“CSV UTF-8”或 Excel 工作簿（.xlsx）后重新选择。",
            "cannot be read as {encoding}: save it as \"CSV UTF-8\" or as an Excel workbook (.xlsx) and choose it again.";
        /// A sheet without one of the template's columns.
        MissingColumn:
            "第 1 行缺少“{zh}”列（{en}）：请使用本页的空白模板，不要删除或改名表头。",
            "row 1 has no '{zh}' ({en}) column: use a blank template from this page and keep its header row.";
        /// After a refusal.
        DraftUnchanged: " 未导入任何数据，草稿未改动。", " Nothing was imported; the draft is unchanged.";
        /// The worker that reads the sheets stopped.
        WorkerStopped:
            "发布工作台的后台处理已停止（{error}；可能是表格过大或浏览器内存不足），草稿已丢失。请刷新本页后重试。",
            "The studio's background work stopped ({error}; the sheet may be too large or the browser short of memory) and the draft is lost. Reload this page and try again.";
        /// The download failed.
        DownloadFailed: "浏览器未能下载发布包：{error}", "The browser could not save the release: {error}";
    }
}

/// The sentence in a language, its places filled: the one `say` every
/// table of sentences uses.
pub use plan_model::messages::say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_places() {
        assert_eq!(plan_model::messages::unequal_places::<Say>(&[]), Vec::<String>::new());
    }
}
