//! One plan, many files: the Word draft and the issued PDF of the same plan (same title and
//! 文号) update one stored plan, never two, and the indicators keep their ids and values.

use std::path::PathBuf;

use zhibiao::api::plans::{import_file, list_plans, plan_detail};
use zhibiao::store::{open_in_memory, Actor};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

#[test]
fn the_word_draft_and_the_issued_pdf_of_one_plan_are_one_plan() {
    let mut conn = open_in_memory().unwrap();
    let actor = Actor::system();
    let draft = import_file(&mut conn, &actor, &fixture("xuchang-2022-talent.docx")).unwrap();
    assert!(draft.indicators_added >= 5, "{draft:?}");
    let plans = list_plans(&conn).unwrap();
    assert_eq!(plans.len(), draft.plans.len(), "{plans:?}");
    let before: Vec<_> = plans
        .iter()
        .map(|p| plan_detail(&conn, p.plan.id).unwrap().tables)
        .collect();

    let issued = import_file(&mut conn, &actor, &fixture("xuchang-2022-talent.pdf")).unwrap();
    assert_eq!(issued.indicators_added, 0, "{issued:?}");
    assert!(issued.plans.iter().all(|p| !p.created), "{issued:?}");
    let after_plans = list_plans(&conn).unwrap();
    assert_eq!(
        after_plans.iter().map(|p| p.plan.id).collect::<Vec<_>>(),
        plans.iter().map(|p| p.plan.id).collect::<Vec<_>>()
    );
    let after: Vec<_> = after_plans
        .iter()
        .map(|p| plan_detail(&conn, p.plan.id).unwrap().tables)
        .collect();
    let json = |v: &Vec<_>| serde_json::to_value(v).unwrap();
    assert_eq!(json(&after), json(&before));
}
