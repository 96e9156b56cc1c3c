//! The demo database: on first start the app holds the plans of the three shipped gazette
//! documents, realistic departments, and a lead department for every indicator.

pub mod city;
pub mod progress;

use rusqlite::{Connection, Transaction};

use crate::api::plans::{commit_in, preview_import_bytes};
use crate::api::{ApiError, ErrorCode};
use crate::store::{self, departments, indicators, Actor, StoreError};

/// The shipped seed documents (file name, bytes).
const DEMO_DOCUMENTS: &[(&str, &[u8])] = &[
    (
        "xuchang-gazette-2021-03.txt",
        include_bytes!("../../assets/demo/xuchang-gazette-2021-03.txt"),
    ),
    (
        "xuchang-gazette-2022-04.txt",
        include_bytes!("../../assets/demo/xuchang-gazette-2022-04.txt"),
    ),
    (
        "pingdingshan-eco-plan-2022.txt",
        include_bytes!("../../assets/demo/pingdingshan-eco-plan-2022.txt"),
    ),
    // The fictional 示范市: an ended 十四五 outline and a running 十五五 outline.
    (
        "shifanshi-14th-outline-2021.txt",
        include_bytes!("../../assets/demo/shifanshi-14th-outline-2021.txt"),
    ),
    (
        "shifanshi-15th-outline-2026.txt",
        include_bytes!("../../assets/demo/shifanshi-15th-outline-2026.txt"),
    ),
];

/// Extension point: seeding that needs the demo plans (demo users, observations …) runs
/// here, in the same transaction, after the plans and departments are stored. Add a
/// function to the list; each sees the whole demo so far.
type DemoHook = fn(&Transaction) -> Result<(), ApiError>;
// The demo city's own values come first: the generic values skip indicators that have some.
const AFTER_DEMO_PLANS: &[DemoHook] = &[city::seed, progress::seed];

/// Who leads an indicator, by keywords of its name, else its category, else the plan title.
/// Earlier rules win, so the more specific ones come first. Generic wording of Chinese
/// plans; nothing here names a seed document. No match: the planning office (发展改革委).
#[rustfmt::skip]
const LEAD_RULES: &[(&[&str], &str)] = &[
    (&["养老保险", "参保", "就业", "失业", "劳动人事", "劳动保障", "技能", "人才", "职称",
       "博士后", "持证"], "市人力资源社会保障局"),
    (&["受教育", "在校生", "招生", "院校", "学校", "教育"], "市教育局"),
    (&["残疾", "无障碍", "辅助器具"], "市残疾人联合会"),
    (&["医", "健康", "疾病", "筛查", "孕", "新生儿", "儿童", "疫苗", "康复", "护士", "预期寿命",
       "精神", "白内障", "高血压", "糖尿病", "地方病", "托位"], "市卫生健康委"),
    (&["养老", "老年", "社会工作", "探访"], "市民政局"),
    (&["安全事故", "生产安全"], "市应急管理局"),
    // Water quality is environmental monitoring even where the words overlap with supply.
    (&["饮用水水源", "水质", "水体", "二氧化碳"], "市生态环境局"),
    (&["用水", "水资源", "水土", "河湖", "灌溉", "供水", "生态流量", "湿地", "自来水", "有水",
       "水安全", "水利"],
       "市水利局"),
    (&["生活垃圾", "建筑垃圾", "污泥", "污水处理", "再生水", "管网", "垃圾"], "市城市管理局"),
    (&["住房", "棚户区", "建筑"], "市住房城乡建设局"),
    (&["秸秆", "畜禽", "粮食", "化学肥料", "化学农药", "农药", "农膜", "农田", "农村劳动力"],
       "市农业农村局"),
    (&["耕地", "建设用地", "森林", "林木", "矿山", "红线", "国土"], "市自然资源和规划局"),
    (&["工业", "企业", "园区", "工厂", "清洁生产", "数字经济", "宽带"], "市工业和信息化局"),
    (&["专利", "研发", "研究与试验", "科技"], "市科学技术局"),
    (&["收入"], "市统计局"),
    (&["进出口", "外贸", "消费品"], "市商务局"),
    (&["能源", "地区生产总值", "固定资产", "服务业", "城镇化", "生态经济"], "市发展改革委"),
    (&["PM", "细颗粒物", "空气", "地表水", "地下水", "黑臭", "污染", "排放", "减排", "需氧量",
       "氨氮", "氮氧化物", "二氧化硫", "挥发性", "辐射", "危险废物", "危废", "固体废物",
       "生态质量", "声环境", "环境", "无废", "生态"], "市生态环境局"),
];

/// Departments a city's monitoring office works with; all rule targets plus a few more.
const DEMO_DEPARTMENTS: &[&str] = &[
    "市发展改革委",
    "市生态环境局",
    "市人力资源社会保障局",
    "市民政局",
    "市水利局",
    "市工业和信息化局",
    "市教育局",
    "市卫生健康委",
    "市自然资源和规划局",
    "市城市管理局",
    "市统计局",
    "市住房城乡建设局",
    "市农业农村局",
    "市科学技术局",
    "市商务局",
    "市应急管理局",
    "市残疾人联合会",
    "市财政局",
];

/// The department that leads an indicator with this name, category and plan title.
pub fn lead_department_for(name: &str, category: Option<&str>, plan_title: &str) -> &'static str {
    for text in [Some(name), category, Some(plan_title)]
        .into_iter()
        .flatten()
    {
        for (keywords, department) in LEAD_RULES {
            if keywords.iter().any(|k| text.contains(k)) {
                return department;
            }
        }
    }
    "市发展改革委"
}

/// Fills an empty database with the demo plans. Returns whether it did; a database that
/// already holds plans is left alone.
pub fn ensure_demo(conn: &mut Connection) -> Result<bool, ApiError> {
    let plans: i64 = conn
        .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
        .map_err(StoreError::from)?;
    if plans > 0 {
        return Ok(false);
    }
    let actor = Actor::system();
    let tx = conn.transaction().map_err(StoreError::from)?;
    for name in DEMO_DEPARTMENTS {
        departments::find_or_create(&tx, &actor, name)?;
    }
    let mut stored = false;
    for (file_name, bytes) in DEMO_DOCUMENTS {
        match preview_import_bytes(bytes, Some(file_name)) {
            Ok(preview) => {
                let summary = commit_in(&tx, &actor, &preview)?;
                stored |= summary.indicators_added > 0;
            }
            // A seed without readable tables must not keep the app from starting.
            Err(e) if e.code == ErrorCode::NoTables => {
                tracing::warn!(file_name, "demo document has no tables");
            }
            Err(e) => return Err(e),
        }
    }
    assign_demo_leads(&tx, &actor)?;
    for hook in AFTER_DEMO_PLANS {
        hook(&tx)?;
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(stored)
}

fn assign_demo_leads(tx: &Transaction, actor: &Actor) -> Result<(), ApiError> {
    for plan in store::plans::list(tx)? {
        for ind in indicators::of_plan(tx, plan.plan.id)? {
            if ind.lead_department_id.is_some() {
                continue;
            }
            let name = lead_department_for(
                &ind.draft.name,
                ind.draft.category.as_deref(),
                &plan.plan.title,
            );
            let dept = departments::find_or_create(tx, actor, name)?;
            indicators::set_lead(tx, actor, ind.id, Some(dept.id))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_rules_pick_specific_departments_first() {
        assert_eq!(
            lead_department_for("基本养老保险参保率", None, "某规划"),
            "市人力资源社会保障局"
        );
        assert_eq!(
            lead_department_for("养老服务床位总量", None, "某规划"),
            "市民政局"
        );
        assert_eq!(
            lead_department_for("全市用水总量", Some("生态经济发展"), "x"),
            "市水利局"
        );
        assert_eq!(
            lead_department_for("细颗粒物（PM2.5）浓度", Some("环境质量改善"), "x"),
            "市生态环境局"
        );
        assert_eq!(
            lead_department_for("某项指标", Some("就业促进"), "x"),
            "市人力资源社会保障局"
        );
        assert_eq!(
            lead_department_for("某项指标", None, "某市水安全保障规划"),
            "市水利局"
        );
        assert_eq!(
            lead_department_for("某项指标", None, "某市规章"),
            "市发展改革委"
        );
        for (_, d) in LEAD_RULES {
            assert!(DEMO_DEPARTMENTS.contains(d), "{d} is not a demo department");
        }
    }
}
