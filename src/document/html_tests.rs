use super::*;

#[test]
fn blocks_become_lines_and_word_source_wrapping_disappears() {
    let html = "<html><head><style>p{}</style><title>x</title></head><body>\
        <p class=MsoNormal><span>许昌市“十四五”\r\n规划</span></p><div>许政〔2021〕16号<br>2021年6月2日</div>\
        <p>GDP\n growth&nbsp;rate</p></body></html>";
    assert_eq!(
        read(html),
        "许昌市“十四五”规划\n许政〔2021〕16号\n2021年6月2日\nGDP growth rate\n"
    );
}

#[test]
fn rowspan_gives_the_category_on_every_row_and_colspan_leaves_empty_cells() {
    let html = "<table>\
        <tr><td rowspan=2>类别</td><td rowspan=2>指标</td><td colspan=2>目标</td></tr>\
        <tr><td>2025年</td><td>属性</td></tr>\
        <tr><td rowspan=2><p>经济</p><p>发展</p></td><td>GDP</td><td>6</td><td>预期性</td></tr>\
        <tr><td>PM2.5</td><td>35</td><td>约束性</td></tr>\
        </table><p>注：[]内为累计数。</p>";
    assert_eq!(
        read(html),
        "类别\t指标\t目标\t\n\t\t2025年\t属性\n经济发展\tGDP\t6\t预期性\n经济发展\tPM2.5\t35\t约束性\n注：[]内为累计数。\n"
    );
}

#[test]
fn a_rowspan_in_the_last_column_is_continued_after_the_row_cells() {
    let html = "<table><thead><tr><th>指标</th><th>属性</th></tr></thead>\
        <tbody><tr><td>甲</td><td rowspan=3>约束性</td></tr><tr><td>乙</td></tr><tr><td>丙</td></tr></tbody></table>";
    assert_eq!(
        read(html),
        "指标\t属性\n甲\t约束性\n乙\t约束性\n丙\t约束性\n"
    );
}

#[test]
fn clipboard_header_and_absurd_spans_do_no_harm() {
    let html = "Version:0.9\r\nStartHTML:0000000105\r\n<html><body><!--StartFragment-->\
        <table><tr><td colspan=99999999 rowspan=-3>名称</td><td>1</td></tr></table>\
        <!--EndFragment--></body></html>";
    let text = read(html);
    assert!(!text.contains("Version"), "{text}");
    assert!(text.starts_with("名称"), "{text}");
}

#[test]
fn plain_fragments_without_markup_read_as_text() {
    assert_eq!(read("一行<br>二行"), "一行\n二行\n");
}
