//! Evaluation and what is drawn from it: hand-computed cases, statuses through the api and the
//! CLI, the dashboard, charts and the PDF report.

mod eval_support;

mod chart_font;
mod chart_svg;
mod dashboard;
mod eval_api;
mod eval_cases;
mod eval_measures;
mod feasibility_cases;
mod report_pdf;
