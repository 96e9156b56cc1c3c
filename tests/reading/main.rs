//! Reading plans: text, Word, PDF and pasted tables through the grammar and the importer to
//! indicator rows (no database but where a test stores what it read).

mod corpus_support;

mod document_bad_input;
mod document_formats;
mod document_reissue;
mod golden;
mod grammar_golden;
mod hostile_cells;
mod import_bad_input;
mod import_corpus;
mod import_reissue;
mod import_wizard;
mod properties;
