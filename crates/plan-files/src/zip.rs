//! A minimal ZIP writer (stored, not compressed) for the site's "whole
//! release" download and the publishing studio's release: the data files are small and mostly already compressed in
//! transit, and a stored archive needs no compression code in the wasm.
//! Format: PKWARE APPNOTE 6.3, local headers, central directory, end record.

/// CRC-32 (IEEE), as ZIP requires.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// MS-DOS date and time fields for a `YYYY-MM-DD` date at midnight.
fn dos_date(date: &str) -> (u16, u16) {
    let mut parts = date.split('-').map(|p| p.parse::<u16>().unwrap_or(1));
    let (y, m, d) =
        (parts.next().unwrap_or(1980), parts.next().unwrap_or(1), parts.next().unwrap_or(1));
    let date = (y.saturating_sub(1980) << 9) | ((m & 0xF) << 5) | (d & 0x1F);
    (0, date)
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Why an archive could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// A file or the archive is over 4 GiB, or there are over 65,535 files (ZIP64 not supported).
    TooLarge,
}

/// Writes `files` (name, contents) into a ZIP archive dated `date` (`YYYY-MM-DD`).
pub fn write(files: &[(String, Vec<u8>)], date: &str) -> Result<Vec<u8>, ZipError> {
    let (time, day) = dos_date(date);
    let count = u16::try_from(files.len()).map_err(|_| ZipError::TooLarge)?;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
        let size = u32::try_from(data.len()).map_err(|_| ZipError::TooLarge)?;
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        let crc = crc32(data);
        // Local file header. Flag bit 11: names are UTF-8.
        u32le(&mut out, 0x0403_4b50);
        for v in [20, 0x0800, 0, time, day] {
            u16le(&mut out, v);
        }
        for v in [crc, size, size] {
            u32le(&mut out, v);
        }
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0x0800, 0, time, day] {
            u16le(&mut central, v);
        }
        for v in [crc, size, size] {
            u32le(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            u16le(&mut central, v);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    let central_size = u32::try_from(central.len()).map_err(|_| ZipError::TooLarge)?;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, count, count] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    /// Python's zipfile (a third-party reader) opens the archive and reads the files back.
    #[test]
    fn python_reads_the_archive() {
        let files = vec![
            ("release/plan.json".to_owned(), br#"{"a":1}"#.to_vec()),
            ("release/说明.txt".to_owned(), "示例数据".as_bytes().to_vec()),
        ];
        let bytes = write(&files, "2026-10-15").expect("writes");
        let dir = std::env::temp_dir().join(format!("zip-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("t.zip");
        std::fs::write(&path, &bytes).expect("write");
        let script = "import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist(): print(i.filename, i.date_time[:3], z.read(i).decode())";
        let out = std::process::Command::new("python3")
            .args(["-c", script, path.to_str().expect("utf-8 path")])
            .output()
            .expect("python3 runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert_eq!(
            text,
            "release/plan.json (2026, 10, 15) {\"a\":1}\nrelease/说明.txt (2026, 10, 15) 示例数据\n"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
