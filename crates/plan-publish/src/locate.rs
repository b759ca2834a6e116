//! Finds where a JSON path (as findings name them: `observations[3].value`)
//! stands in a file's text, so that a finding can point at a line and column.

use std::collections::{HashMap, HashSet};

/// 1-based line and column (in characters) of a place in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub column: usize,
}

/// Where each of `paths` starts in `text` (well-formed JSON). Paths not found
/// (or a text that is not JSON) are simply missing from the answer. A path of
/// `.` or `` is the whole document.
pub fn locate_paths(text: &str, paths: &[&str]) -> HashMap<String, Position> {
    let wanted: HashSet<&str> = paths.iter().copied().collect();
    let mut walker =
        Walker { bytes: text.as_bytes(), at: 0, path: String::new(), wanted, found: Vec::new() };
    walker.skip_ws();
    walker.value();
    let mut offsets = walker.found;
    offsets.sort_by_key(|(offset, _)| *offset);
    // One sweep through the text turns byte offsets into lines and columns.
    let mut out = HashMap::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.char_indices().peekable();
    for (offset, path) in offsets {
        while let Some(&(i, c)) = chars.peek() {
            if i >= offset {
                break;
            }
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
            chars.next();
        }
        out.insert(path, Position { line, column });
    }
    out
}

struct Walker<'a> {
    bytes: &'a [u8],
    at: usize,
    path: String,
    wanted: HashSet<&'a str>,
    found: Vec<(usize, String)>,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn note(&mut self) {
        let key = if self.path.is_empty() { "." } else { self.path.as_str() };
        if self.wanted.contains(key) || (self.path.is_empty() && self.wanted.contains("")) {
            self.found.push((self.at, key.to_owned()));
        }
    }

    /// Walks one value; returns false on anything that is not JSON.
    fn value(&mut self) -> bool {
        self.note();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                let start = self.at;
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.at += 1;
                }
                // Nothing consumed means a stray bracket: not JSON, stop here.
                self.at > start
            }
            None => false,
        }
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1; // opening quote
        let start = self.at;
        let mut escaped = false;
        while let Some(c) = self.peek() {
            self.at += 1;
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    let raw = &self.bytes[start..self.at - 1];
                    return Some(String::from_utf8_lossy(raw).into_owned());
                }
                _ => {}
            }
        }
        None
    }

    fn object(&mut self) -> bool {
        self.at += 1;
        let base = self.path.len();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    return true;
                }
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                Some(b'"') => {}
                _ => return false,
            }
            let Some(key) = self.string() else { return false };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return false;
            }
            self.at += 1;
            self.skip_ws();
            if base > 0 {
                self.path.push('.');
            }
            self.path.push_str(&key);
            let ok = self.value();
            self.path.truncate(base);
            if !ok {
                return false;
            }
        }
    }

    fn array(&mut self) -> bool {
        self.at += 1;
        let base = self.path.len();
        let mut index = 0usize;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') => {
                    self.at += 1;
                    return true;
                }
                Some(b',') => {
                    self.at += 1;
                    index += 1;
                    continue;
                }
                None => return false,
                _ => {}
            }
            self.path.push_str(&format!("[{index}]"));
            let ok = self.value();
            self.path.truncate(base);
            if !ok {
                return false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_paths_with_lines_and_columns() {
        let text = "{\n  \"a\": {\"b\": [10, {\"c\": \"x\"}]},\n  \"名\": 2\n}";
        let found = locate_paths(text, &["a.b[1].c", "a.b[0]", "名", "missing"]);
        assert_eq!(found["a.b[0]"], Position { line: 2, column: 15 });
        assert_eq!(found["a.b[1].c"], Position { line: 2, column: 25 });
        assert_eq!(found["名"], Position { line: 3, column: 8 });
        assert!(!found.contains_key("missing"));
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = r#"{"a": "say \"hi\"", "b": 1}"#;
        assert_eq!(locate_paths(text, &["b"])["b"], Position { line: 1, column: 26 });
    }

    #[test]
    fn broken_json_gives_no_answer_rather_than_a_panic() {
        for text in ["", "{", "{\"a\"", "[1,", "{\"a\": [}", "\"abc"] {
            let _ = locate_paths(text, &["a", "[0]"]);
        }
    }
}
