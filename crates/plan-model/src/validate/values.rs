//! The grammar of every value that becomes a path, URL, ZIP entry or XML:
//! ids, texts (no character XML forbids, bounded), a releases index, a
//! manifest, the site's address.

use std::collections::HashSet;

use serde::Serialize;

use super::findings::{Finding, Findings};
use crate::messages::{Msg, Value, in_each_language, say};

/// Longest text (in characters) any field may hold: several times the
/// longest paragraph of the plan, far below what would swell every page
/// and feed that shows it.
pub const MAX_TEXT_CHARS: usize = 4000;

/// True for an id the site can use as a path segment and in a URL:
/// lower-case ASCII letters and digits in words joined by single hyphens,
/// at most 64 characters (so no `..`, `/`, space or case that a file system
/// folds).
pub fn is_valid_id(id: &str) -> bool {
    id.len() <= 64
        && !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// True for a character that XML 1.0 and HTML forbid in text (C0 controls
/// other than tab, line feed and carriage return; DEL and C1 controls;
/// the non-characters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF): a feed with one
/// is not well-formed.
pub fn is_forbidden_char(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE
}

/// Every text of a document: no character XML forbids, none longer than
/// [`MAX_TEXT_CHARS`]; each finding at the text's JSON path. One pass over
/// the document serialised into nothing: the path is kept as the strings
/// pass (no tree is built; at 100x the data one doubled the checks' memory).
pub(super) fn texts(f: &mut Findings, doc: &impl Serialize) {
    use serde_json::ser::{CharEscape, Formatter};
    use std::fmt::Write as _;
    use std::io::{self, Write};

    /// What a text was found to break: its path, the first forbidden
    /// character, its length when too long.
    type Problem = (String, Option<char>, Option<usize>);

    struct Scan<'a> {
        /// The JSON path of the value being written.
        path: String,
        /// Per open array or object: the path's length at its start, and
        /// the index of the array value being written.
        open: Vec<(usize, usize)>,
        in_key: bool,
        chars: usize,
        forbidden: Option<char>,
        problems: &'a mut Vec<Problem>,
    }
    impl Scan<'_> {
        fn open(&mut self) {
            self.open.push((self.path.len(), 0));
        }
        fn close(&mut self) {
            if let Some((len, _)) = self.open.pop() {
                self.path.truncate(len);
            }
        }
        fn text(&mut self, text: &str) {
            if self.in_key {
                self.path.push_str(text);
            } else {
                self.chars += text.chars().count();
                self.forbidden =
                    self.forbidden.or_else(|| text.chars().find(|&c| is_forbidden_char(c)));
            }
        }
    }
    impl Formatter for Scan<'_> {
        fn begin_array<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.open();
            Ok(())
        }
        fn end_array<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.close();
            Ok(())
        }
        fn begin_array_value<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            first: bool,
        ) -> io::Result<()> {
            if let Some((len, index)) = self.open.last_mut() {
                *index = if first { 0 } else { *index + 1 };
                self.path.truncate(*len);
                let _ = write!(self.path, "[{index}]");
            }
            Ok(())
        }
        fn begin_object<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.open();
            Ok(())
        }
        fn end_object<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.close();
            Ok(())
        }
        fn begin_object_key<W: ?Sized + Write>(&mut self, _: &mut W, _: bool) -> io::Result<()> {
            if let Some(&(len, _)) = self.open.last() {
                self.path.truncate(len);
            }
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.in_key = true;
            Ok(())
        }
        fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.in_key = false;
            Ok(())
        }
        fn begin_string<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            (self.chars, self.forbidden) = (0, None);
            Ok(())
        }
        fn end_string<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            let long = (self.chars > MAX_TEXT_CHARS).then_some(self.chars);
            if !self.in_key && (long.is_some() || self.forbidden.is_some()) {
                self.problems.push((self.path.clone(), self.forbidden, long));
            }
            Ok(())
        }
        fn write_string_fragment<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            text: &str,
        ) -> io::Result<()> {
            self.text(text);
            Ok(())
        }
        fn write_char_escape<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            escape: CharEscape,
        ) -> io::Result<()> {
            let c = match escape {
                CharEscape::Quote => '"',
                CharEscape::ReverseSolidus => '\\',
                CharEscape::Solidus => '/',
                CharEscape::Backspace => '\u{8}',
                CharEscape::FormFeed => '\u{c}',
                CharEscape::LineFeed => '\n',
                CharEscape::CarriageReturn => '\r',
                CharEscape::Tab => '\t',
                CharEscape::AsciiControl(b) => char::from(b),
            };
            self.text(c.encode_utf8(&mut [0; 4]));
            Ok(())
        }
    }
    let mut problems = Vec::new();
    let scan = Scan {
        path: String::new(),
        open: Vec::new(),
        in_key: false,
        chars: 0,
        forbidden: None,
        problems: &mut problems,
    };
    let mut serializer = serde_json::Serializer::with_formatter(io::sink(), scan);
    if doc.serialize(&mut serializer).is_err() {
        return;
    }
    for (path, forbidden, long) in problems {
        if let Some(c) = forbidden {
            let code = format!("U+{:04X}", u32::from(c));
            f.error(
                "forbidden-character",
                path.clone(),
                Msg::ForbiddenCharacter,
                &[("code", &code)],
            );
        }
        if let Some(count) = long {
            f.error(
                "text-too-long",
                path,
                Msg::TextTooLong,
                &[("count", &count), ("max", &MAX_TEXT_CHARS)],
            );
        }
    }
}

/// Checks a releases index (`releases/index.json`): every version a folder
/// name, each once, dates as dates. Its versions become paths and links.
pub fn validate_index(index: &[crate::release::ReleaseSummary]) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    let mut seen = HashSet::new();
    for (i, summary) in index.iter().enumerate() {
        let path = format!("[{i}].version");
        if !crate::release::is_valid_version(&summary.version) {
            f.error("bad-version", path, Msg::BadVersionValue, &[("version", &summary.version)]);
        } else if !seen.insert(summary.version.as_str()) {
            let version = &summary.version;
            f.error(
                "duplicate-id",
                path,
                Msg::DuplicateId,
                &[("id", version), ("list", &"releases/index.json")],
            );
        }
        f.date(format!("[{i}].published"), &summary.published, None);
        f.date(format!("[{i}].as_of"), &summary.as_of, None);
    }
    f.0
}

/// Checks a manifest: its version a folder name, every file a plain name
/// of the data folder listed once with a SHA-256. Its names become paths and
/// ZIP entries.
pub fn validate_manifest(manifest: &crate::release::Manifest) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    if !crate::release::is_valid_version(&manifest.version) {
        let version = &manifest.version;
        f.error("bad-version", "version".into(), Msg::BadVersionValue, &[("version", version)]);
    }
    f.date("published".into(), &manifest.published, None);
    f.date("as_of".into(), &manifest.as_of, None);
    let mut seen = HashSet::new();
    for (i, file) in manifest.files.iter().enumerate() {
        let path = format!("files[{i}]");
        if !crate::release::is_valid_file_name(&file.path) {
            f.error(
                "bad-file-name",
                format!("{path}.path"),
                Msg::BadFileName,
                &[("name", &file.path)],
            );
        } else if !seen.insert(file.path.as_str()) {
            f.error(
                "duplicate-id",
                format!("{path}.path"),
                Msg::DuplicateId,
                &[("id", &file.path), ("list", &"manifest.json files")],
            );
        }
        if !crate::release::is_sha256_hex(&file.sha256) {
            f.error("bad-hash", format!("{path}.sha256"), Msg::BadHash, &[("hash", &file.sha256)]);
        }
    }
    f.0
}

/// The site's own public address, as the pages, sitemap and robots.txt
/// write it: `http://` or `https://`, a host, an optional path, nothing a
/// URL must escape (space, line break, quotes, `<`, `>`, `\`, `` ` ``,
/// braces, `|`, `^`, non-ASCII) and no query or fragment. `None` if it is not
/// one; else the address ending in `/`.
pub fn site_address(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    let allowed = |c: char| {
        c.is_ascii_graphic()
            && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^' | '?' | '#')
    };
    if host.is_empty() || host.starts_with(['.', ':', '@']) || !url.chars().all(allowed) {
        return None;
    }
    Some(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
}

/// An `http://` or `https://` address with a host: the only kind of address
/// the portal turns into a link.
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace)
    })
}

impl Findings {
    pub(super) fn unique_ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if id.trim().is_empty() {
                self.error("empty-id", path, Msg::EmptyId, &[]);
            } else if !is_valid_id(id) {
                self.error("bad-id", path, Msg::BadId, &[("id", &id)]);
            } else if !seen.insert(id) {
                self.error("duplicate-id", path, Msg::DuplicateId, &[("id", &id), ("list", &list)]);
            }
        }
        seen
    }

    pub(super) fn known_refs(
        &mut self,
        path: String,
        refs: &[String],
        known: &HashSet<&str>,
        kind: Msg,
    ) {
        for (i, r) in refs.iter().enumerate() {
            if !known.contains(r.as_str()) {
                let said = in_each_language(|lang| {
                    let values: [Value<'_>; 2] = [("kind", &kind.template(lang)), ("id", r)];
                    say(Msg::UnknownReference, lang, &values)
                });
                self.error_said("unknown-reference", format!("{path}[{i}]"), said);
            }
        }
    }
}
