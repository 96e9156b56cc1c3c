//! Domain model: plain data, no I/O. Everything else (grammar, importer, store, evaluation,
//! charts, reports) speaks in these types.

mod indicator;
mod lifecycle;
mod period;
mod plan;
mod value;

pub use indicator::{Attribute, Department, Direction, Indicator, IndicatorDraft};
pub use lifecycle::{reporting_quarter, JudgedPeriod, PlanPhase};
pub use period::{Period, PeriodParseError};
pub use plan::{Plan, PlanDraft, PlanTable, TableKind};
pub use value::{NumberRange, Qualifier, Ratio, RelativeChange, Value, ValueKind};
