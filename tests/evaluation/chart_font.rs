//! Every character the charts write must be drawn by the bundled font through resvg (the PNG
//! path). A character missing from the font's cmap as resvg/ttf-parser reads it renders as
//! nothing (an earlier subset had an overflowing format-4 cmap that lost 进 重 达 …): this
//! test names the characters that are not drawn.

use resvg::tiny_skia::Pixmap;
use zhibiao::chart::{self, font};
use zhibiao::eval::{CagrBand, Label};

fn drawn(c: char) -> bool {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><text x="5" y="48" font-family="{}" font-size="44" fill="black">{c}</text></svg>"#,
        font::FAMILY
    );
    let png = chart::png(&svg).unwrap();
    let p = Pixmap::decode_png(&png).unwrap();
    p.pixels().iter().any(|px| px.demultiply().red() < 100)
}

#[test]
fn every_character_of_the_chart_texts_is_drawn() {
    let mut text: String = Label::ALL.iter().map(|l| l.as_zh()).collect();
    for b in [
        CagrBand::Substantial,
        CagrBand::Moderate,
        CagrBand::Limited,
        CagrBand::Deteriorating,
    ] {
        text.push_str(b.as_zh());
    }
    text.push_str("完成进度竖线为序时进度或年度目标进度实际值序时进度路径年度目标线性趋势预测复合增长预测规划目标指标数约束性指标");
    text.push_str("郟县潁垕〇");
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .filter(|&c| !drawn(c))
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "not drawn: {}",
        missing.iter().collect::<String>()
    );
}

#[test]
fn common_characters_are_drawn() {
    // These come out right even with the current subset.
    for c in "指标状态分布郟县".chars() {
        assert!(drawn(c), "{c} not drawn");
    }
    // A space draws nothing: the check can fail.
    assert!(!drawn(' '));
}
