use super::*;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

fn doc(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

fn p(text: &str) -> String {
    format!("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, paragraphs: &[&str]) -> String {
    let ps: String = paragraphs.iter().map(|t| p(t)).collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{ps}</w:tc>")
}

#[test]
fn paragraphs_become_lines_and_runs_join() {
    let xml = doc(&format!(
        "{}<w:p><w:r><w:t>许政〔2021〕</w:t></w:r><w:r><w:t>16号</w:t></w:r></w:p><w:p/><w:p/>{}",
        p("许昌市“十四五”规划"),
        p("2021年6月2日")
    ));
    assert_eq!(
        text_of_xml(&xml).unwrap(),
        "许昌市“十四五”规划\n许政〔2021〕16号\n\n2021年6月2日\n"
    );
}

#[test]
fn entities_tabs_and_breaks_in_runs_are_kept() {
    let xml = doc("<w:p><w:r><w:t>A&amp;B&#x3C;1</w:t><w:tab/><w:t>2</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>");
    assert_eq!(text_of_xml(&xml).unwrap(), "A&B<1\t2\n下一行\n");
}

#[test]
fn deleted_text_field_codes_and_fallback_copies_are_skipped() {
    let xml = doc(concat!(
        "<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>",
        "<w:r><w:instrText>PAGE</w:instrText></w:r><w:ins><w:r><w:t>新</w:t></w:r></w:ins>",
        "<mc:AlternateContent><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice>",
        "<mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent>",
        "<w:r><a:t>图</a:t></w:r></w:p>"
    ));
    assert_eq!(text_of_xml(&xml).unwrap(), "新框\n");
}

#[test]
fn table_rows_become_tab_lines_with_merges_resolved() {
    let header = format!(
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>",
        tc("", &["类别"]),
        tc("", &["指标"]),
        tc("<w:gridSpan w:val=\"2\"/>", &["目标"])
    );
    let row1 = format!(
        "<w:tr>{}{}{}{}</w:tr>",
        tc("<w:vMerge w:val=\"restart\"/>", &["经济", "发展"]),
        tc("", &["细颗粒物", "（PM2.5）", "浓度"]),
        tc("", &["35"]),
        tc("", &["约束性"])
    );
    let row2 = format!(
        "<w:tr>{}{}{}{}</w:tr>",
        tc("<w:vMerge/>", &[]),
        tc("", &["GDP"]),
        tc("", &["6"]),
        tc("", &["预期性"])
    );
    let xml = doc(&format!(
        "{}<w:tbl><w:tblPr/><w:tblGrid/>{header}{row1}{row2}</w:tbl>{}",
        p("表1 主要指标"),
        p("注：[]内为累计数。")
    ));
    assert_eq!(
        text_of_xml(&xml).unwrap(),
        "表1 主要指标\n类别\t指标\t目标\t\n经济发展\t细颗粒物（PM2.5）浓度\t35\t约束性\n经济发展\tGDP\t6\t预期性\n注：[]内为累计数。\n"
    );
}

#[test]
fn grid_before_keeps_columns_aligned_and_nested_tables_stay_in_their_cell() {
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        tc("", &["甲"]),
        tc("", &["乙"])
    );
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}<w:tc>{inner}{}</w:tc></w:tr></w:tbl>",
        tc("", &["a"]),
        tc("", &["b"]),
        tc("", &["c"]),
        tc("", &["y"]),
        p("z")
    ));
    assert_eq!(text_of_xml(&xml).unwrap(), "a\tb\tc\n\ty\t甲 乙z\n");
}

#[test]
fn broken_xml_is_an_error_not_a_panic() {
    let err = text_of_xml("<w:document><w:body><w:p></w:body>").unwrap_err();
    assert!(matches!(err, DocumentError::BrokenDocx(_)), "{err:?}");
}

#[test]
fn bytes_that_are_not_a_zip_are_not_a_docx() {
    assert!(matches!(read(b"hello"), Err(DocumentError::NotDocx)));
}
