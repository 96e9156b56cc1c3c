//! Departments (责任单位): create, rename, delete while unused, list with how many indicators
//! each leads or supports.

use crate::args;
use crate::store::db::{Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{self, Actor, Change};
use super::{Result, StoreError};
use crate::model::Department;

/// A department with the number of indicators it leads and supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DepartmentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub lead_count: u32,
    pub support_count: u32,
    pub user_count: u32,
}

fn clean_name(name: &str) -> Result<String> {
    let n = name.trim();
    if n.is_empty() {
        return Err(StoreError::Invalid("部门名称不能为空".into()));
    }
    Ok(n.to_string())
}

pub fn get(conn: &impl Sql, id: i64) -> Result<Department> {
    conn.query_opt(
        "SELECT id, name FROM departments WHERE id = ?1",
        args![id],
        |r| {
            Ok(Department {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        },
    )?
    .ok_or(StoreError::NotFound { what: "部门", id })
}

pub fn find_by_name(conn: &impl Sql, name: &str) -> Result<Option<Department>> {
    conn.query_opt(
        "SELECT id, name FROM departments WHERE name = ?1",
        args![name.trim()],
        |r| {
            Ok(Department {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        },
    )
}

/// All departments by name, with usage counts.
pub fn list(conn: &impl Sql) -> Result<Vec<DepartmentSummary>> {
    let rows = conn.query_map(
        "SELECT d.id, d.name,
                (SELECT count(*) FROM indicators i WHERE i.lead_department_id = d.id),
                (SELECT count(*) FROM indicator_support s WHERE s.department_id = d.id),
                (SELECT count(*) FROM users u WHERE u.department_id = d.id)
         FROM departments d ORDER BY d.name",
        args![],
        |r| {
            Ok(DepartmentSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                lead_count: r.get(2)?,
                support_count: r.get(3)?,
                user_count: r.get(4)?,
            })
        },
    )?;
    Ok(rows)
}

pub fn create(tx: &impl Write, actor: &Actor, name: &str) -> Result<Department> {
    let name = clean_name(name)?;
    if find_by_name(tx, &name)?.is_some() {
        return Err(StoreError::Conflict(format!("部门“{name}”已存在")));
    }
    let id: i64 = tx.query_scalar(
        "INSERT INTO departments(name) VALUES (?1) RETURNING id",
        args![&name],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "department",
            entity_id: Some(id),
            field: Some("name"),
            new_value: Some(name.clone()),
            ..Change::default()
        },
    )?;
    Ok(Department { id, name })
}

/// The department called `name`, created if it does not exist yet.
pub fn find_or_create(tx: &impl Write, actor: &Actor, name: &str) -> Result<Department> {
    match find_by_name(tx, name)? {
        Some(d) => Ok(d),
        None => create(tx, actor, name),
    }
}

pub fn rename(tx: &impl Write, actor: &Actor, id: i64, name: &str) -> Result<Department> {
    let name = clean_name(name)?;
    let old = get(tx, id)?;
    if old.name == name {
        return Ok(old);
    }
    if find_by_name(tx, &name)?.is_some() {
        return Err(StoreError::Conflict(format!("部门“{name}”已存在")));
    }
    tx.execute(
        "UPDATE departments SET name = ?1 WHERE id = ?2",
        args![name, id],
    )?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "update",
            entity: "department",
            entity_id: Some(id),
            field: Some("name"),
            old_value: Some(old.name),
            new_value: Some(name.clone()),
            ..Change::default()
        },
    )?;
    Ok(Department { id, name })
}

/// Deletes a department that no indicator, user or submission refers to.
pub fn delete(tx: &impl Write, actor: &Actor, id: i64) -> Result<()> {
    let d = get(tx, id)?;
    let used: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM indicators WHERE lead_department_id = ?1)
              + (SELECT count(*) FROM indicator_support WHERE department_id = ?1)
              + (SELECT count(*) FROM users WHERE department_id = ?1)
              + (SELECT count(*) FROM submissions WHERE department_id = ?1)",
        args![id],
        |r| r.get(0),
    )?;
    if used > 0 {
        return Err(StoreError::Conflict(format!(
            "部门“{}”仍有指标、用户或报送记录，不能删除；请先改派",
            d.name
        )));
    }
    tx.execute("DELETE FROM departments WHERE id = ?1", args![id])?;
    audit::append(
        tx,
        actor,
        &Change {
            action: "delete",
            entity: "department",
            entity_id: Some(id),
            field: Some("name"),
            old_value: Some(d.name),
            ..Change::default()
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::open_in_memory;

    #[test]
    fn create_rename_delete_with_audit() {
        let mut c = open_in_memory().unwrap();
        let a = Actor::system();
        let tx = c.transaction().unwrap();
        let d = create(&tx, &a, " 市水利局 ").unwrap();
        assert_eq!(d.name, "市水利局");
        assert!(matches!(
            create(&tx, &a, "市水利局"),
            Err(StoreError::Conflict(_))
        ));
        assert!(matches!(create(&tx, &a, "  "), Err(StoreError::Invalid(_))));
        let r = rename(&tx, &a, d.id, "市水利局（河长办）").unwrap();
        assert_eq!(get(&tx, d.id).unwrap().name, r.name);
        delete(&tx, &a, d.id).unwrap();
        assert!(matches!(get(&tx, d.id), Err(StoreError::NotFound { .. })));
        let h = audit::history(&tx, "department", d.id).unwrap();
        let actions: Vec<_> = h.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["create", "update", "delete"]);
        assert_eq!(h[1].old_value.as_deref(), Some("市水利局"));
        assert_eq!(h[1].new_value.as_deref(), Some("市水利局（河长办）"));
    }
}
