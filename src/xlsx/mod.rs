//! Excel and CSV export / import.
