//! What publishing says, in Chinese and English: reading a sheet (every bad
//! cell and row), the workbook's limits, an import and a release's own words.
//! The staff tool and the publishing studio both say these; the model's own
//! sentences (findings, statuses) stay in `plan_model::messages`, and the same
//! `say` fills either table.

plan_model::bilingual_table! {
/// A sentence of publishing: a sheet read, an import, a release.
pub enum PublishMsg {
    /// Between the items of a list.
    ListSeparator: "、", ", ";
    /// What checking a file found.
    CheckSummary: "{what}：{errors} 个错误，{warnings} 个警告", "{what}: {errors} errors, {warnings} warnings";
    /// A version with characters a folder name cannot hold.
    BadVersion:
        "版本号“{version}”不可用：应以字母或数字开头，只含字母、数字、点、连字符和下划线，不以 .json 结尾，如 2026.12.0",
        "version '{version}' cannot be used: it must start with a letter or digit, hold letters, digits, '.', '-' and '_' only, and not end in .json, e.g. 2026.12.0";
    /// A date on the command line not written YYYY-MM-DD.
    BadDateArgument: "日期“{date}”格式不对：请写成 YYYY-MM-DD", "date '{date}' is not YYYY-MM-DD";
    /// A release without notes.
    MissingNotes: "请用 --notes 写明本次发布改了什么", "say what this release changes with --notes";
    /// A version that is published already.
    ReleaseExists:
        "版本 {version} 已发布（{path} 已存在）：已发布的版本不能覆盖，请使用新的版本号",
        "release {version} already exists ({path}): a published release is never overwritten; choose a new version";
    /// An updates sheet imported.
    UpdatesImported:
        "已从 {path} 导入 {rows} 行到 {target}：进展新增 {added}、更新 {updated}，期限设定或修改 {deadlines}。",
        "imported {rows} rows from {path} into {target}: {added} new updates, {updated} updated, {deadlines} due dates set or changed.";
    /// The figures' template workbook's sheet.
    SheetNameFigures: "进展数据", "figures";
    /// The updates template workbook's sheet.
    SheetNameUpdates: "任务和举措进展", "updates";
    /// The kind column of the updates sheet: a key task.
    SheetKindTask: "任务", "key task";
    /// The kind column: a commitment.
    SheetKindCommitment: "举措", "commitment";
    /// The task column for a safeguard.
    SheetSafeguards: "保障措施", "safeguards";
    /// An id in the updates sheet that is neither a task nor a commitment.
    SheetUnknownSubject: "未知的对象编号“{id}”：请从模板中复制编号", "unknown id '{id}': copy the id from the template";
    /// A stage word the sheet does not know.
    SheetBadStage:
        "阶段“{stage}”无法识别：请填写 尚未启动、推进中、推进滞后、停滞、已完成 之一",
        "stage '{stage}' is not known: write not started, in progress, delayed, stalled or done";
    /// A confidence word the sheet does not know.
    SheetBadConfidence:
        "信心“{level}”无法识别：请填写 高、中、低 之一",
        "confidence '{level}' is not known: write high, medium or low";
    /// A reason for a confidence with no level.
    SheetReasonWithoutConfidence: "填了信心理由，但没有填信心（高、中、低）", "a confidence reason is given, but no confidence (high, medium or low)";
    /// A due date on a task's row.
    SheetDueForTask: "任务不设期限：期限只填在举措行", "a key task has no due date: due dates go on commitment rows";
    /// Evidence titles and links that do not pair up.
    SheetEvidenceMismatch:
        "佐证标题 {titles} 条、链接 {links} 条，数量不一致：每行写一条，标题与链接一一对应",
        "{titles} evidence titles but {links} links: one per line, each title with its link";
    /// Two rows of the updates sheet for one subject and date.
    SheetDuplicateUpdateRow:
        "与第 {first} 行重复（同一对象和日期）：请只保留一行",
        "repeats row {first} (same subject and date): keep one of them";
    /// Two rows giving one commitment different due dates.
    SheetConflictingDue:
        "与第 {first} 行的期限“{due}”不一致：同一举措只能有一个期限",
        "disagrees with row {first}'s due date '{due}': a commitment has one due date";
    /// Problems, next steps or evidence without progress.
    SheetWordsWithoutProgress:
        "填写了问题、下一步或佐证，但“进展”为空：请写明本期进展",
        "problems, next steps or evidence are filled in but 进展 (progress) is empty: say what was done";
    /// A stage changed with nothing said.
    SheetStageWithoutProgress:
        "阶段改为“{stage}”，但“进展”为空：请写明发生了什么",
        "the stage is now '{stage}' but 进展 (progress) is empty: say what happened";
    /// A sheet in an encoding other than the one named.
    WrongEncoding:
        "{path}：无法按 {encoding} 编码读取。请在表格软件中另存为“CSV UTF-8”，或用 --encoding 指定编码（utf8 / gb18030）。",
        "{path}: cannot be read as {encoding}. Save it as \"CSV UTF-8\" from the spreadsheet program, or name the encoding with --encoding (utf8 / gb18030).";
    /// A sheet imported.
    Imported:
        "已从 {path} 导入 {rows} 行到 {target}：新增 {added}，更新 {updated}，未变 {unchanged}。",
        "imported {rows} rows from {path} into {target}: {added} new, {updated} updated, {unchanged} unchanged.";
    /// A workbook that cannot be read (`problem`: one of the Workbook messages).
    WorkbookRefused:
        "{path}：{problem}未导入任何数据（progress.json 未改动）。",
        "{path}: {problem} Nothing was imported (progress.json is unchanged).";
    /// Bytes that are no .xlsx workbook.
    NotAWorkbook:
        "不是有效的 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8”后重试。",
        "this is not a valid Excel workbook (.xlsx): save it from Excel or WPS as \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8\" and try again.";
    /// A workbook file over the size limit.
    WorkbookTooLarge:
        "工作簿有 {size} MB，超过上限 {max} MB：请只保留进展表。",
        "the workbook is {size} MB, over the limit of {max} MB: keep only the progress sheet.";
    /// A workbook that would unpack to too much (a ZIP bomb).
    WorkbookUnpacksTooLarge:
        "工作簿解压后有 {size} MB，超过上限 {max} MB，未读取：请只保留进展表后另存。",
        "the workbook unpacks to {size} MB, over the limit of {max} MB, and was not read: keep only the progress sheet and save it again.";
    /// A formula in a workbook.
    WorkbookFormula:
        "单元格 {cell} 是公式“{formula}”：请复制后“选择性粘贴 → 数值”，再保存导入。",
        "cell {cell} holds a formula ('{formula}'): copy it and paste as values, then save and import.";
    /// An error value in a workbook.
    WorkbookCellError:
        "单元格 {cell} 是错误值 {error}：请改正该单元格。",
        "cell {cell} holds the error value {error}: correct that cell.";
    /// A filled cell beyond the rows or columns a sheet may have.
    WorkbookBeyondLimits:
        "单元格 {cell} 超出范围（最多 {rows} 行、{columns} 列）：请删除该单元格，只保留进展表。",
        "cell {cell} is beyond the limits (at most {rows} rows and {columns} columns): delete it and keep only the progress sheet.";
    /// A workbook with too many cells or shared strings.
    WorkbookTooManyCells:
        "工作簿的单元格超过 {max} 个：请只保留进展表。",
        "the workbook has more than {max} cells: keep only the progress sheet.";
    /// A sheet whose header is not on row 1.
    WorkbookHeaderNotFirst:
        "表头在第 {row} 行：请删除表头上方的空行，让表头在第 1 行。",
        "the header is on row {row}: delete the rows above it so that it is row 1.";
    /// A finding about a row of a sheet.
    RowProblem: "{path}：第 {row} 行：{problem}", "{path}: row {row}: {problem}";
    /// A row the CSV reader cannot read.
    UnreadableRow: "无法读取此行：{error}", "cannot read this row: {error}";
    /// An indicator id in a sheet that the plan does not have.
    SheetUnknownIndicator: "未知的指标编号“{id}”：请从模板中复制编号", "unknown indicator id '{id}': copy the id from the template";
    /// A value for a qualitative item in a sheet.
    SheetMilestoneRow: "“{id}”是定性任务，没有数值：请删除此行", "'{id}' is a qualitative item with no number: delete this row";
    /// A district in a sheet that the plan does not have (`ids` joined in the message's language).
    SheetUnknownDistrict:
        "未知的区镇“{district}”：请填写以下编号之一，全市数据留空：{ids}",
        "unknown district '{district}': use one of these ids, or leave it blank for citywide: {ids}";
    /// A date in a sheet not written YYYY-MM-DD.
    SheetBadDate: "日期“{date}”格式不对：请写成 YYYY-MM-DD，如 {year}-09-30", "date '{date}' is not YYYY-MM-DD, e.g. {year}-09-30";
    /// A flag in a sheet that is none of the three.
    SheetBadFlag:
        "标记“{flag}”无法识别：请填写 初步数、修订数、估计数，或留空",
        "flag '{flag}' is not known: write preliminary, revised or estimated, or leave it empty";
    /// A cell that should hold a number.
    SheetNotANumber:
        "“{value}”不是数字：请只填数字（可带小数点和千分位逗号），单位写在“单位”列",
        "'{value}' is not a number: enter digits only (a decimal point and thousands commas are fine); the unit belongs in the unit column";
    /// A unit in a sheet other than the indicator's.
    SheetUnitMismatch:
        "单位“{unit}”与指标单位“{expected}”不一致：请把数值换算为“{expected}”",
        "unit '{unit}' is not the indicator's unit '{expected}': convert the value to '{expected}'";
    /// A sheet without one of the template's columns (`zh` and `en`: its heading).
    MissingColumn:
        "{path}：第 1 行缺少“{zh}”列。请使用 template 生成的模板，不要删除或改名表头。",
        "{path}: row 1 has no '{zh}' ({en}) column. Use the template from `template` and keep its header row.";
    /// A bad cell of a sheet.
    CellProblem:
        "{path}：第 {row} 行，“{column}”列：{problem}",
        "{path}: row {row}, column '{column}' ({column_en}): {problem}";
    /// A row of a sheet that repeats another.
    SheetDuplicateRow:
        "与第 {first} 行重复（同一指标、区镇和日期）：请只保留一行",
        "repeats row {first} (same indicator, district and date): keep one of them";
}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places only one language has, on purpose: the English messages name
    /// a column by its English heading too.
    const ONE_LANGUAGE: &[(PublishMsg, &str)] =
        &[(PublishMsg::MissingColumn, "en"), (PublishMsg::CellProblem, "column_en")];

    #[test]
    fn both_languages_have_the_same_places() {
        let unequal = plan_model::messages::unequal_places::<PublishMsg>(ONE_LANGUAGE);
        assert_eq!(unequal, Vec::<String>::new());
    }
}
