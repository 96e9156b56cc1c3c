//! Departments and which department leads or supports an indicator.

use crate::api::departments::{self, DepartmentSummary};
use crate::api::plans::IndicatorView;
use crate::command;
use crate::model::Department;

command!(ListDepartments = "list_departments" {} -> Vec<DepartmentSummary>, |e, c| {
    e.signed_in(|conn, _| departments::list_departments(conn))
});

command!(CreateDepartment = "create_department" { name: String } -> Department, |e, c| {
    e.administrator(|conn, actor| departments::create_department(conn, actor, &c.name))
});

command!(RenameDepartment = "rename_department" { id: i64, name: String } -> Department, |e, c| {
    e.administrator(|conn, actor| departments::rename_department(conn, actor, c.id, &c.name))
});

command!(DeleteDepartment = "delete_department" { id: i64 } -> (), |e, c| {
    e.administrator(|conn, actor| departments::delete_department(conn, actor, c.id))
});

command!(AssignIndicator = "assign_indicator" {
    indicator_id: i64,
    lead_id: Option<i64>,
    supporting_ids: Vec<i64>,
} -> IndicatorView, |e, c| {
    e.administrator(|conn, actor| {
        departments::assign_departments(conn, actor, c.indicator_id, c.lead_id, &c.supporting_ids)
    })
});
