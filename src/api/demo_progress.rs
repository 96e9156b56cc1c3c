//! Demo users and progress values.
