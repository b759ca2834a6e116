//! What the staff tool `plan-data` alone says, in Chinese and English (the
//! words it shares with the studio are `plan_publish::messages`, the data's
//! findings `plan_model::messages`; the same `say` fills each table).

plan_model::bilingual_table! {
/// A sentence of the staff tool.
pub enum ToolMsg {
    /// How serious a finding is: an error.
    SeverityError: "错误", "error";
    /// How serious a finding is: a warning.
    SeverityWarning: "警告", "warning";
    /// A file that cannot be read.
    CannotRead: "无法读取 {path}：{error}", "cannot read {path}: {error}";
    /// A file that cannot be written.
    CannotWrite: "无法写入 {path}：{error}", "cannot write {path}: {error}";
    /// A file that cannot be written, the old one kept.
    CannotWriteKept: "无法写入 {path}：{error}（原文件未改动）", "cannot write {path}: {error} (the old file is unchanged)";
    /// What changed between two releases.
    DiffSummary: "{old} → {new}：{count} 处变化", "{old} → {new}: {count} changes";
    /// The status report's sample-data line.
    SampleDataLine:
        "【示例数据】以下数字为演示用，非官方数据。\n",
        "[SAMPLE DATA] These figures are made up for demonstration.\n";
    /// After the findings: nothing was published.
    NothingPublished: "；数据有错误，未发布。", "; the data has errors, nothing was published.";
    /// A release written.
    Published:
        "已发布版本 {version}（{date}）：{count} 个文件，副本保存在 {path}\n{listing}",
        "published release {version} ({date}): {count} files, frozen copy in {path}\n{listing}";
    /// After a release into a site's data folder: its pages rendered again.
    PagesWritten:
        "已按新版本重新生成网站页面：{count} 个页面，用时 {millis} 毫秒（{path}）",
        "rendered the site's pages again for the new release: {count} pages in {millis} ms ({path})";
    /// After a release into a site's data folder: the pages could not be rendered.
    PagesFailed:
        "网站页面未能按新版本生成，因此没有发布，网站仍是上一版，什么也没改：{error}",
        "the site's pages could not be rendered for the new release, so nothing was published: the site still serves the previous release, unchanged: {error}";
    /// A release that had stopped part way, now finished.
    ReleaseFinished:
        "版本 {version} 上次发布中途停止，现已完成：网站现在是这一版。",
        "release {version} had stopped part way and is now finished: the site now serves it.";
    /// The staged copy could not be made.
    StagingFailed:
        "无法在 {path} 准备新版本：{error}。网站什么也没改。",
        "could not prepare the new release in {path}: {error}. Nothing in the site was changed.";
    /// The staged copy could not be switched in.
    SwitchFailed:
        "无法把新版本换入 {path}：{error}。网站仍是上一版；再运行一次同样的发布命令即可完成。",
        "could not switch the new release into {path}: {error}. The site still serves the previous release; run the same release again to finish it.";
    /// The releases index cannot be read.
    IndexUnreadable:
        "版本索引 {path} 读不出来：{error}。发布会把以前各版本的记录一并丢掉，所以没有发布；请先修好或恢复这个文件。",
        "the releases index {path} cannot be read: {error}. A release would lose the record of every earlier release, so nothing was published; repair or restore that file first.";
    /// A data file whose name cannot be listed in a manifest.
    BadDataFileName:
        "数据文件夹中的 {path} 文件名不可用（只能含字母、数字、点、连字符和下划线）：请改名或移走，什么也没有发布。",
        "{path} in the data folder has a name a release cannot list (letters, digits, '.', '-' and '_' only): rename or move it; nothing was published.";
    /// A template written.
    TemplateWritten:
        "已写出模板 {path}：{rows} 行（每个指标 × 全市及各区镇 × {dates} 个日期）。填写“数值”列后用 import 导入；空白行会被跳过。",
        "wrote the template {path}: {rows} rows (each indicator × citywide and each district × {dates} dates). Fill in the 数值 (value) column, then run import; blank rows are skipped.";
    /// Targets and values exported.
    Exported:
        "已导出 {targets}（{target_count} 个目标）、{values}（{value_count} 个数值）和 {updates}（{update_count} 条进展）",
        "exported {targets} ({target_count} targets), {values} ({value_count} values) and {updates} ({update_count} updates)";
    /// The updates template written.
    UpdatesTemplateWritten:
        "已写出进展模板 {path}：{rows} 行（{tasks} 项任务、{commitments} 项举措，报告日期 {date}）。填写“进展”（及问题、下一步、佐证）和举措的“阶段”后用 import 导入；未填“进展”的行会被跳过，“阶段”和“期限”已按现状预填，有变化才改。",
        "wrote the updates template {path}: {rows} rows ({tasks} key tasks and {commitments} commitments, report date {date}). Fill in 进展 (progress; problems, next steps and evidence if any) and each commitment's 阶段 (stage), then run import; rows without progress are skipped. Stage and due date are filled in as they stand: change them only where they changed.";
    /// A sheet with errors: nothing imported.
    ImportRefused:
        "{path}：{count} 处错误，未导入任何数据（progress.json 未改动）。改正后重新导入。",
        "{path}: {count} errors; nothing was imported (progress.json is unchanged). Fix them and import again.";
    /// After the findings of an import: nothing imported.
    NothingImported: "；未导入任何数据。", "; nothing was imported.";
    /// A sheet file over the size limit, refused before it is read.
    FileTooLarge:
        "{path} 有 {size} MB，超过上限 {max} MB，未读取：请只保留进展表后另存。",
        "{path} is {size} MB, over the limit of {max} MB, and was not read: keep only the progress sheet and save it again.";
}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_places() {
        let unequal = plan_model::messages::unequal_places::<ToolMsg>(&[]);
        assert_eq!(unequal, Vec::<String>::new());
    }
}
