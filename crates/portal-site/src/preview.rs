//! Each page's picture for link previews (`og:image`, 1200×630 PNG), drawn
//! when the site is published: the site's name, the page's title, its status
//! in words with its mark (a shape, never colour alone), its key figure (the
//! indicators by status, or how far a target has come against the expected
//! progress), the figures' date and, for sample data, "示例数据 · 非官方数据"
//! in a band of its own. Drawn as SVG, then rasterised by resvg with the one
//! font the site carries (`fonts/`, a subset of Noto Sans CJK SC under the
//! SIL Open Font License), so the tool and the studio draw the same pixels
//! from the same files, and Chinese is drawn wherever staff publish.

mod card;

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

pub use card::{Card, Figure, card};

/// The font the pictures are drawn with, from the site's root.
pub const FONT_FILE: &str = "fonts/NotoSansSC-preview.otf";

/// Each page's picture, in its folder.
pub const PREVIEW_FILE: &str = "preview.png";

/// Its size, as link previews want it.
pub const WIDTH: u32 = 1200;
/// Its height.
pub const HEIGHT: u32 = 630;

/// Draws pictures with the site's font.
pub struct Painter {
    font: Arc<Vec<u8>>,
    options: usvg::Options<'static>,
}

impl Painter {
    /// A painter with `font` (an OpenType font's bytes); `None` if it is not one.
    pub fn new(font: Vec<u8>) -> Option<Self> {
        ttf_parser::Face::parse(&font, 0).ok()?;
        let font = Arc::new(font);
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_source(usvg::fontdb::Source::Binary(font.clone()));
        let family = fonts.faces().next()?.families.first()?.0.clone();
        let options = usvg::Options {
            fontdb: Arc::new(fonts),
            font_family: family,
            ..usvg::Options::default()
        };
        Some(Painter { font, options })
    }

    /// How wide `text` is at `size` px, by the font's own advances.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(face) = ttf_parser::Face::parse(&self.font, 0) else { return 0.0 };
        let per_unit = size / f32::from(face.units_per_em());
        text.chars()
            .map(|c| {
                let advance =
                    face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(0);
                f32::from(advance) * per_unit
            })
            .sum()
    }

    /// `text` in lines no wider than `max` px at `size` px: broken between
    /// Chinese characters or at spaces, at most `lines` lines, the last cut
    /// with "…" if the text goes on.
    pub fn wrap(&self, text: &str, size: f32, max: f32, lines: usize) -> Vec<String> {
        let mut units: Vec<String> = Vec::new();
        for c in text.chars() {
            let joins = !c.is_whitespace() && !is_wide(c);
            match units.last_mut() {
                Some(last)
                    if joins
                        && last
                            .chars()
                            .last()
                            .is_some_and(|l| !l.is_whitespace() && !is_wide(l)) =>
                {
                    last.push(c);
                }
                _ => units.push(c.to_string()),
            }
        }
        let mut out: Vec<String> = vec![String::new()];
        for unit in units {
            let line = out.last_mut().expect("a line");
            let candidate = format!("{line}{unit}");
            if self.width(candidate.trim_end(), size) <= max || line.trim().is_empty() {
                *line = candidate;
            } else {
                out.push(unit.trim_start().to_owned());
            }
        }
        let mut out: Vec<String> = out.into_iter().map(|l| l.trim().to_owned()).collect();
        if out.len() > lines {
            out.truncate(lines);
            let last = out.last_mut().expect("a line");
            while !last.is_empty() && self.width(&format!("{last}…"), size) > max {
                last.pop();
            }
            last.push('…');
        }
        out
    }

    /// The SVG drawn as a PNG.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        encode(&pixmap)
    }

    /// An icon: the SVG scaled to `size` × `size` on a white ground (the
    /// installed app's icon, where a system wants a PNG).
    pub fn icon(&self, svg: &str, size: u32) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("no pixmap")?;
        pixmap.fill(tiny_skia::Color::WHITE);
        let drawn = tree.size();
        let scale = tiny_skia::Transform::from_scale(
            size as f32 / drawn.width(),
            size as f32 / drawn.height(),
        );
        resvg::render(&tree, scale, &mut pixmap.as_mut());
        encode(&pixmap)
    }
}

/// A drawn picture as an opaque PNG: RGB, without the alpha channel (what
/// is drawn has its own ground).
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    for pixel in pixmap.data().chunks_exact(4) {
        rgb.extend_from_slice(&pixel[..3]);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Default);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// A character set wide (Chinese, Japanese, Korean, full-width forms), so a
/// line may break on either side of it.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}
