//! Charts drawn with plotters (SVG; PNG via resvg).
