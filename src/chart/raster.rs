//! SVG → PNG with resvg, fonts from the bundled bytes only (no system fonts), so the PNG is
//! the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};

use super::{font, ChartError, Result};

/// Pixels per SVG unit: charts are exported at twice their size for sharp text.
const SCALE: f32 = 2.0;

fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(Arc::new(font::REGULAR)));
        db.load_font_source(fontdb::Source::Binary(Arc::new(font::BOLD)));
        db.set_sans_serif_family(font::FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Rasterises an SVG (as drawn by [`super::svg`]) to PNG bytes at 2× scale.
pub fn png(svg: &str) -> Result<Vec<u8>> {
    let options = Options {
        font_family: font::FAMILY.to_string(),
        fontdb: font_database(),
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &options).map_err(|e| ChartError::Raster(e.to_string()))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or(ChartError::Raster("尺寸无效".into()))?;
    let mut pixmap =
        Pixmap::new(size.width(), size.height()).ok_or(ChartError::Raster("尺寸无效".into()))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ChartError::Raster(e.to_string()))
}
