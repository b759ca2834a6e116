//! Reading a published data file into the model. Every error names the file,
//! the place (line, column and JSON path) and the problem, in Chinese or English.

use crate::messages::{Msg, say};
use serde::Deserialize;

use crate::SCHEMA_VERSION;
use crate::plan::PlanDocument;
use crate::progress::ProgressDocument;
use crate::text::Lang;

/// Why a data file could not be read. Each variant carries the file name so that
/// the message stands on its own in a panel or a terminal. Its `Display` is
/// the English message of `crate::messages`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file is not well-formed JSON (or is cut short).
    Syntax {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser reported.
        detail: String,
    },
    /// The JSON is well-formed but a field is missing, unknown or of the wrong type.
    Shape {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// JSON path of the offending value, e.g. `indicators[3].target.value`.
        path: String,
        /// What is wrong.
        detail: String,
    },
    /// The file declares a format version this build cannot read.
    SchemaVersion {
        /// File name.
        file: String,
        /// Version found, if any.
        found: Option<u64>,
        /// Version this build reads.
        expected: u32,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The message in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::Syntax { file, line, column, detail } => say(
                Msg::NotJson,
                lang,
                &[("file", file), ("line", line), ("column", column), ("detail", detail)],
            ),
            LoadError::Shape { file, line, column, path, detail } => {
                let detail = match lang {
                    Lang::Zh => detail_zh(detail),
                    Lang::En => detail.clone(),
                };
                say(
                    Msg::BadField,
                    lang,
                    &[
                        ("file", file),
                        ("line", line),
                        ("column", column),
                        ("path", path),
                        ("detail", &detail),
                    ],
                )
            }
            LoadError::SchemaVersion { file, found: Some(found), expected } => say(
                Msg::WrongSchemaVersion,
                lang,
                &[("file", file), ("found", found), ("expected", expected)],
            ),
            LoadError::SchemaVersion { file, found: None, expected } => {
                say(Msg::MissingSchemaVersion, lang, &[("file", file), ("expected", expected)])
            }
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Syntax { file, .. }
            | LoadError::Shape { file, .. }
            | LoadError::SchemaVersion { file, .. } => file,
        }
    }
}

/// Parses `plan.json`. `file` is the name used in error messages.
pub fn parse_plan(file: &str, text: &str) -> Result<PlanDocument, LoadError> {
    check_schema_version(file, text)?;
    parse_located(file, text)
}

/// Parses `progress.json`. `file` is the name used in error messages.
pub fn parse_progress(file: &str, text: &str) -> Result<ProgressDocument, LoadError> {
    check_schema_version(file, text)?;
    parse_located(file, text)
}

/// Reads only `schema_version`, so that a file from another format version gets
/// a message about the version rather than about whichever field changed.
fn check_schema_version(file: &str, text: &str) -> Result<(), LoadError> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| syntax_or_shape(file, text, e))?;
    match probe.schema_version {
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => Ok(()),
        other => Err(LoadError::SchemaVersion {
            file: file.to_owned(),
            found: other.and_then(|v| v.as_u64()),
            expected: SCHEMA_VERSION,
        }),
    }
}

/// Parses any of the published JSON files (manifest, release index) with the
/// same located errors. `file` is the name used in error messages.
pub fn parse_located<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| syntax_or_shape(file, text, e))
}

fn syntax_or_shape(file: &str, text: &str, e: serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    let detail = strip_position(&e.to_string());
    match e.classify() {
        Category::Data => LoadError::Shape {
            file: file.to_owned(),
            line,
            column,
            path: json_path_at(text, line, column),
            detail,
        },
        Category::Io | Category::Syntax | Category::Eof => {
            LoadError::Syntax { file: file.to_owned(), line, column, detail }
        }
    }
}

/// The JSON path (`indicators[3].target.kind`, `.` for the whole document) of
/// the value serde_json was reading when it stopped at `line`, `column`.
///
/// Found by reading the text up to that place, so that good files are parsed
/// by serde_json alone: a path-tracking deserializer would cost an allocation
/// per key on every load and a second copy of every deserializer in the wasm.
/// The place is where serde_json stopped: just after a wrong value or an
/// unknown key, or just after the `}` of an object that lacks a field (which
/// names that object).
pub fn json_path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, reading_key: bool },
        Array { index: usize, started: bool },
    }
    let bytes = text.as_bytes();
    // serde_json counts lines from 1 and columns in bytes after the newline.
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        // A value starts: in an array, it is the element at the current index.
        if !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'}' | b']')
            && let Some(Frame::Array { started, .. }) = stack.last_mut()
        {
            *started = true;
        }
        match b {
            b'{' => stack.push(Frame::Object { key: None, reading_key: true }),
            b'[' => stack.push(Frame::Array { index: 0, started: false }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, reading_key }) => {
                    *key = None;
                    *reading_key = true;
                }
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { reading_key, .. }) = stack.last_mut() {
                    *reading_key = false;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, reading_key: true }) = stack.last_mut() {
                    let raw = &text[start..(i + 1).min(text.len())];
                    *key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.to_owned()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { index, started: true } => path.push_str(&format!("[{index}]")),
            _ => break,
        }
    }
    if path.is_empty() { ".".to_owned() } else { path }
}

/// serde's messages in Chinese, for the common cases; the English original
/// (which names the expected fields or types) follows in brackets.
fn detail_zh(detail: &str) -> String {
    let what = [
        ("unknown field", "未知字段（可能拼写错误）"),
        ("missing field", "缺少必填字段"),
        ("invalid type", "类型不对"),
        ("unknown variant", "取值不在允许范围内"),
        ("invalid value", "取值无效"),
        ("duplicate field", "字段重复"),
        ("invalid length", "长度不对"),
    ]
    .iter()
    .find(|(en, _)| detail.starts_with(en))
    .map_or("内容不符合格式", |(_, zh)| zh);
    format!("{what}（{detail}）")
}

/// serde_json appends " at line L column C"; we report the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_file_names_file_and_position() {
        let err = parse_plan("plan.json", "{\"schema_version\": 1, \"plan\": {").unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 1, .. }), "{err:?}");
        assert!(err.message(Lang::Zh).starts_with("plan.json：第 1 行"));
        assert!(err.message(Lang::En).contains("not valid JSON"));
    }

    #[test]
    fn wrong_schema_version_is_reported_as_such() {
        let err = parse_plan("plan.json", r#"{"schema_version": 7}"#).unwrap_err();
        assert_eq!(
            err,
            LoadError::SchemaVersion { file: "plan.json".into(), found: Some(7), expected: 1 }
        );
        assert!(err.message(Lang::Zh).contains("版本为 7"));
    }

    #[test]
    fn missing_schema_version_is_reported() {
        let err = parse_plan("plan.json", "{}").unwrap_err();
        assert!(err.message(Lang::En).contains("schema_version is missing"), "{err}");
        assert!(err.message(Lang::Zh).contains("缺少 schema_version"), "{err}");
    }

    #[test]
    fn wrong_type_names_the_json_path() {
        let text = r#"{"schema_version": 1, "plan": {"title": {"zh": 5}}}"#;
        let err = parse_plan("plan.json", text).unwrap_err();
        match &err {
            LoadError::Shape { path, .. } => assert_eq!(path, "plan.title.zh"),
            other => panic!("expected a shape error, got {other:?}"),
        }
        assert!(err.message(Lang::Zh).contains("字段 plan.title.zh"));
    }
}
