//! PDF reports (Typst as a library, embedded fonts).
