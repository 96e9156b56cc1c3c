//! Evaluation: how far each indicator is from its target. Pure; never touches SQLite.
