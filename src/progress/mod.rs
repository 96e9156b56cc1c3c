//! Progress entry rules: what an observation is, validation, and the submit / approve
//! workflow. Pure: the store and the api feed these functions and act on their answers.

mod flow;
mod observation;
pub mod validation;
pub mod workflow;

pub use flow::suggest_flow;
pub use observation::{is_qualitative, parse_number, QualStatus, Vintage};
pub use validation::{Issue, Rule, Severity, CHANGE_THRESHOLD};
pub use workflow::{Action, State, WorkflowError};
