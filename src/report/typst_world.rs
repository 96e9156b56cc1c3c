//! A minimal in-memory Typst world: one main source, virtual files (data, charts) and
//! fonts from bytes. Nothing is read from disk, and "today" is fixed, so the same data
//! gives the same PDF.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

pub struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The id of a virtual file at `path` (absolute, e.g. `/data.json`).
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("virtual paths are written by this module");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl ReportWorld {
    pub fn new(
        main_text: &str,
        files: Vec<(String, Vec<u8>)>,
        fonts: &[&'static [u8]],
        today: (i32, u8, u8),
    ) -> Self {
        let fonts: Vec<Font> = fonts
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        let main = Source::new(file_id("/main.typ"), main_text.to_string());
        let files = files
            .into_iter()
            .map(|(path, bytes)| (file_id(&path), Bytes::new(bytes)))
            .collect();
        let today = Datetime::from_ymd(today.0, today.1, today.2)
            .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("valid date"));
        ReportWorld {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            main,
            files,
            today,
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| {
            FileError::NotFound(std::path::PathBuf::from(id.get().vpath().get_with_slash()))
        })
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_covers_common_and_rare_characters() {
        // ttf-parser (Typst, usvg) missed glyphs like 部 in the format-4-only cmap of the
        // first subset; a format 12 subtable fixed it.
        for data in [super::super::fonts::REGULAR, super::super::fonts::BOLD] {
            let font = Font::iter(Bytes::new(data)).next().expect("font parses");
            let missing: String = "部“”进量十四五郟潁垕〇"
                .chars()
                .filter(|c| {
                    let inst = font.clone().instantiate(
                        Default::default(),
                        typst::layout::Abs::pt(10.0),
                        &Default::default(),
                    );
                    !font.info().coverage.contains(*c as u32)
                        || inst.ttf().glyph_index(*c).is_none()
                })
                .collect();
            assert!(missing.is_empty(), "font lacks {missing}");
        }
    }
}
