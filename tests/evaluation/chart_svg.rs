//! Chart tests: the SVG's structure and text (not pixels), and one PNG checked for drawn
//! CJK glyphs.

use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree::{Document, Node};
use zhibiao::chart::{
    self, font, Chart, GapChart, GapItem, SummaryChart, TrajectoryChart, TrajectoryPoint,
};
use zhibiao::eval::{Label, LabelCount};
use zhibiao::model::Period;

fn item(
    name: &str,
    category: &str,
    label: Label,
    completion: Option<f64>,
    binding: bool,
) -> GapItem {
    GapItem {
        name: name.into(),
        category: Some(category.into()),
        label,
        completion,
        expected: Some(0.6),
        binding,
    }
}

fn gap_items() -> Vec<GapItem> {
    vec![
        item(
            "地区生产总值年均增长",
            "经济发展",
            Label::OnTrack,
            Some(0.62),
            false,
        ),
        item(
            "常住人口城镇化率",
            "经济发展",
            Label::Lagging,
            Some(0.41),
            false,
        ),
        item(
            "单位地区生产总值能源消耗降低",
            "绿色生态",
            Label::SeverelyLagging,
            Some(0.12),
            true,
        ),
        item(
            "郟县细颗粒物（PM2.5）浓度",
            "绿色生态",
            Label::Completed,
            Some(1.05),
            true,
        ),
        item(
            "研发经费投入增长",
            "创新驱动",
            Label::Ahead,
            Some(0.8),
            false,
        ),
        item(
            "每千人口拥有执业（助理）医师数",
            "民生福祉",
            Label::OnTrack,
            Some(0.58),
            false,
        ),
    ]
}

fn texts(doc: &Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

fn fill(n: &Node) -> String {
    n.attribute("fill").unwrap_or("").to_ascii_lowercase()
}

fn rects_of_colour(doc: &Document, colour: &str) -> usize {
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && fill(n) == colour)
        .count()
}

#[test]
fn gap_chart_has_one_bar_per_indicator_coloured_by_label() {
    let items = gap_items();
    let svg = chart::svg(&Chart::Gap(GapChart {
        title: "许昌市“十四五”规划指标完成进度（2023年）".into(),
        items: items.clone(),
    }))
    .unwrap();
    let doc = Document::parse(&svg).expect("well-formed SVG");
    // Bars are the only rects in label colours: as many as indicators, per label as many as
    // indicators with that label.
    let bars: usize = Label::ALL
        .iter()
        .map(|l| rects_of_colour(&doc, l.colour()))
        .sum();
    assert_eq!(bars, items.len());
    for label in Label::ALL {
        let want = items.iter().filter(|i| i.label == label).count();
        assert_eq!(
            rects_of_colour(&doc, label.colour()),
            want,
            "{}",
            label.as_zh()
        );
    }
    let t = texts(&doc);
    assert!(
        t.iter()
            .any(|s| s.contains("许昌市“十四五”规划指标完成进度")),
        "title missing: {t:?}"
    );
    // Category headings once each, in order of first appearance.
    let headings: Vec<&String> = t
        .iter()
        .filter(|s| ["经济发展", "绿色生态", "创新驱动", "民生福祉"].contains(&s.as_str()))
        .collect();
    assert_eq!(headings, ["经济发展", "绿色生态", "创新驱动", "民生福祉"]);
    // Binding indicators are marked ★, others not.
    for it in &items {
        let marked = t.iter().any(|s| *s == format!("★{}", it.name));
        let plain = t.contains(&it.name);
        assert_eq!((marked, plain), (it.binding, !it.binding), "{}", it.name);
    }
    // Every text names the bundled font family.
    let families: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.attribute("font-family"))
        .collect();
    assert!(!families.is_empty() && families.iter().all(|f| *f == font::FAMILY));
    // The legend names the labels present; the value text carries the completion.
    assert!(t.iter().any(|s| s == "严重滞后"));
    assert!(t.iter().any(|s| s == "62% 基本符合预期"));
}

#[test]
fn gap_chart_writes_a_label_where_there_is_no_completion() {
    let mut items = gap_items();
    items.push(item("森林覆盖率", "绿色生态", Label::NoData, None, true));
    let svg = chart::svg(&Chart::Gap(GapChart {
        title: "差距图".into(),
        items: items.clone(),
    }))
    .unwrap();
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(rects_of_colour(&doc, Label::NoData.colour()), 0);
    assert!(texts(&doc).iter().any(|s| s == "无数据"));
    let bars: usize = Label::ALL
        .iter()
        .map(|l| rects_of_colour(&doc, l.colour()))
        .sum();
    assert_eq!(bars, items.len() - 1);
}

#[test]
fn gap_chart_of_nothing_is_an_error() {
    assert!(chart::svg(&Chart::Gap(GapChart {
        title: "空".into(),
        items: vec![]
    }))
    .is_err());
}

fn trajectory() -> TrajectoryChart {
    TrajectoryChart {
        title: "常住人口城镇化率（2023年）".into(),
        unit: Some("%".into()),
        baseline_year: 2020,
        target_year: 2025,
        baseline: Some(51.5),
        target: Some(60.0),
        actuals: vec![
            TrajectoryPoint {
                period: Period::Year(2021),
                value: 53.0,
            },
            TrajectoryPoint {
                period: Period::Year(2022),
                value: 54.1,
            },
            TrajectoryPoint {
                period: Period::Quarter(2023, 2),
                value: 54.6,
            },
        ],
        annual_targets: vec![(2023, 56.0)],
        forecast_linear: Some(57.9),
        forecast_compound: Some(58.2),
        earlier: vec![],
    }
}

#[test]
fn trajectory_chart_names_every_series() {
    let svg = chart::svg(&Chart::Trajectory(trajectory())).unwrap();
    let doc = Document::parse(&svg).unwrap();
    let t = texts(&doc);
    for name in [
        "常住人口城镇化率（2023年）",
        "实际值",
        "序时进度路径",
        "年度目标",
        "线性趋势预测",
        "复合增长预测",
        "规划目标",
        "目标 60",
        "2020年",
        "2025年",
    ] {
        assert!(t.iter().any(|s| s == name), "{name} missing from {t:?}");
    }
    // Baseline + three actual values are drawn as points.
    let points = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert!(points >= 4, "{points} circles");
    // Without forecasts and annual targets their legend entries disappear.
    let bare = TrajectoryChart {
        annual_targets: vec![],
        forecast_linear: None,
        forecast_compound: None,
        ..trajectory()
    };
    let doc2 = chart::svg(&Chart::Trajectory(bare)).unwrap();
    let t2 = texts(&Document::parse(&doc2).unwrap());
    assert!(!t2.iter().any(|s| s == "线性趋势预测" || s == "年度目标"));
    assert!(t2.iter().any(|s| s == "实际值"));
}

fn summary(title: &str) -> SummaryChart {
    let n = |label, count| LabelCount { label, count };
    SummaryChart {
        title: title.into(),
        counts: vec![
            n(Label::SeverelyLagging, 2),
            n(Label::Lagging, 5),
            n(Label::OnTrack, 11),
            n(Label::Ahead, 0),
            n(Label::Completed, 7),
            n(Label::NoData, 3),
        ],
    }
}

#[test]
fn summary_chart_has_a_bar_and_a_count_per_label() {
    let svg = chart::svg(&Chart::Summary(summary(
        "发展改革委 指标状态分布（2025年第三季度）",
    )))
    .unwrap();
    let doc = Document::parse(&svg).unwrap();
    let t = texts(&doc);
    for (label, count) in [
        (Label::SeverelyLagging, 2),
        (Label::Lagging, 5),
        (Label::OnTrack, 11),
        (Label::Completed, 7),
        (Label::NoData, 3),
    ] {
        assert_eq!(
            rects_of_colour(&doc, label.colour()),
            1,
            "{}",
            label.as_zh()
        );
        assert!(t.iter().any(|s| s == label.as_zh()));
        assert!(t.iter().any(|s| *s == count.to_string()));
    }
    // Zero counts are left out.
    assert_eq!(rects_of_colour(&doc, Label::Ahead.colour()), 0);
    assert!(!t.iter().any(|s| s == "快于预期"));
}

/// Dark pixels inside a box of the image.
fn dark_pixels(png: &[u8], x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
    let pixmap = Pixmap::decode_png(png).expect("valid PNG");
    let mut n = 0;
    for y in y0..y1.min(pixmap.height()) {
        for x in x0..x1.min(pixmap.width()) {
            let c = pixmap.pixel(x, y).unwrap().demultiply();
            let luma =
                (c.red() as u32 * 299 + c.green() as u32 * 587 + c.blue() as u32 * 114) / 1000;
            if luma < 100 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn png_draws_cjk_glyphs() {
    // The summary chart's caption sits centred in the top ≈ 40 px (80 px at 2×).
    let with_title =
        chart::png(&chart::svg(&Chart::Summary(summary("郟县指标状态分布"))).unwrap()).unwrap();
    let blank = chart::png(&chart::svg(&Chart::Summary(summary(""))).unwrap()).unwrap();
    assert_eq!(&with_title[..8], b"\x89PNG\r\n\x1a\n");
    let (w, _) = {
        let p = Pixmap::decode_png(&with_title).unwrap();
        (p.width(), p.height())
    };
    let title_box = (w / 4, 0, w * 3 / 4, 80);
    let drawn = dark_pixels(
        &with_title,
        title_box.0,
        title_box.1,
        title_box.2,
        title_box.3,
    );
    let empty = dark_pixels(&blank, title_box.0, title_box.1, title_box.2, title_box.3);
    assert_eq!(empty, 0, "the blank render has nothing in the title box");
    // Eight 20 px CJK glyphs at 2× cover thousands of dark pixels; missing glyphs draw nothing.
    assert!(drawn > 1500, "only {drawn} dark pixels in the title box");
}

#[test]
fn a_linked_trajectory_starts_at_the_earlier_plans_values() {
    let joined = TrajectoryChart {
        earlier: vec![
            TrajectoryPoint {
                period: Period::Year(2016),
                value: 47.0,
            },
            TrajectoryPoint {
                period: Period::Year(2020),
                value: 51.0,
            },
        ],
        ..trajectory()
    };
    let t = texts(&Document::parse(&chart::svg(&Chart::Trajectory(joined)).unwrap()).unwrap());
    for name in ["上期规划实际值", "2016年", "2025年"] {
        assert!(t.iter().any(|s| s == name), "{name} missing from {t:?}");
    }
    let plain =
        texts(&Document::parse(&chart::svg(&Chart::Trajectory(trajectory())).unwrap()).unwrap());
    assert!(!plain.iter().any(|s| s == "上期规划实际值" || s == "2016年"));
}
