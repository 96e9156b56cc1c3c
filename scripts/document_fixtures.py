#!/usr/bin/env python3
"""Sources of the document fixtures (called by make-document-fixtures.sh).

Writes into OUT the .txt of each case and into WORK/cases the HTML that LibreOffice turns into
.docx and PDF; writes the PDFs with CMap-only Chinese fonts into OUT directly, and the
PostScript of the scan and the long prose PDF into WORK.
"""
import html
import os
import re
import sys

OUT, WORK = sys.argv[1], sys.argv[2]
SEEDS = "assets/demo"

# Seed excerpts: the plan's notice (title, 文号, date) and one indicator table with its title
# and notes. Line ranges are 1-based and inclusive.
EXCERPTS = {
    "xuchang-2021-outline": ("xuchang-gazette-2021-03.txt", [(29, 41), (196, 229)]),
    "xuchang-2022-talent": ("xuchang-gazette-2022-04.txt", [(125, 136), (212, 245)]),
    "xuchang-2022-wufei": ("xuchang-gazette-2022-04.txt", [(2407, 2418), (2532, 2592)]),
    "pingdingshan-eco": ("pingdingshan-eco-plan-2022.txt", [(1, 9), (162, 191)]),
}

CATEGORY_HEADERS = ("分类", "类别", "领域")


def excerpt(seed, ranges):
    with open(os.path.join(SEEDS, seed), encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    for a, b in ranges:
        out.extend(lines[a - 1 : b])
        out.append("")
    return out


def blocks(lines):
    """Paragraph lines and TAB blocks (a blank line ends a block: a page break)."""
    table = []
    for line in lines:
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield ("table", table)
            table = []
        if line.strip():
            yield ("p", line)
    if table:
        yield ("table", table)


def esc(s):
    return html.escape(re.sub(r"</?p>", "", s))


def table_html(rows):
    """A TAB block as the table it was printed from: a two-row header's spanning cells, heading
    rows spanning the table and the category column merged down."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    # cell (r, c) -> (rowspan, colspan); covered cells are None.
    spans = {(r, c): (1, 1) for r in range(len(rows)) for c in range(width)}

    def cover(r, c):
        spans[(r, c)] = None

    two_row_header = len(rows) > 1 and rows[1][0] == "" and any(rows[1])
    if two_row_header:
        for c in range(width):
            if not rows[0][c]:
                continue
            span = 1
            while c + span < width and not rows[0][c + span]:
                span += 1
            if span > 1:
                spans[(0, c)] = (1, span)
                for k in range(1, span):
                    cover(0, c + k)
            elif not rows[1][c]:
                spans[(0, c)] = (2, 1)
                cover(1, c)
    for r, row in enumerate(rows):
        filled = [c for c, v in enumerate(row) if v.strip()]
        if filled == [0] and r > 0:
            spans[(r, 0)] = (1, width)
            for c in range(1, width):
                cover(r, c)
    header = rows[0]
    for c, h in enumerate(header):
        if not any(k in h for k in CATEGORY_HEADERS):
            continue
        start = None
        for r in range(1, len(rows) + 1):
            cell = rows[r][c] if r < len(rows) else None
            continues = cell == "" and spans.get((r, c)) == (1, 1) and any(rows[r])
            if start is not None and continues:
                continue
            if start is not None and r - start > 1:
                spans[(start, c)] = (r - start, 1)
                for k in range(start + 1, r):
                    cover(k, c)
            start = r if cell else None
    out = ["<table border=1 cellspacing=0 width=100%>"]
    for r, row in enumerate(rows):
        tag = "th" if r == 0 else "td"
        cells = []
        for c, v in enumerate(row):
            s = spans[(r, c)]
            if s is None:
                continue
            attrs = ""
            if s[0] > 1:
                attrs += f' rowspan="{s[0]}"'
            if s[1] > 1:
                attrs += f' colspan="{s[1]}"'
            cells.append(f"<{tag}{attrs}>{esc(v)}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def document_html(lines, title):
    body = []
    for kind, value in blocks(lines):
        body.append(table_html(value) if kind == "table" else f"<p>{esc(value)}</p>")
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
        + html.escape(title)
        + "</title></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


os.makedirs(os.path.join(WORK, "cases"), exist_ok=True)
for name, (seed, ranges) in EXCERPTS.items():
    lines = excerpt(seed, ranges)
    write(os.path.join(OUT, name + ".txt"), "\n".join(lines))
    write(os.path.join(WORK, "cases", name + ".html"), document_html(lines, name))

# Our own table: a two-row header, the category merged down, names in several paragraphs,
# a header row marked to repeat on every page, notes under the table.
OWN_TXT = """某市“十五五”生态环境保护规划
某政〔2026〕8号
2026年3月1日
表 1 主要指标
类别\t序号\t指标名称\t单位\t基期\t\t目标\t属性
\t\t\t\t2025年\t\t2030年\t
环境质量\t1\t细颗粒物（PM2.5）年均浓度\t微克/立方米\t35\t\t≤30\t约束性
环境质量\t2\t空气质量优良天数比率\t%\t85.2\t\t≥88\t约束性
环境质量\t3\t地表水达到或好于Ⅲ类水体比例\t%\t80\t\t85左右\t约束性
绿色发展\t4\t单位地区生产总值二氧化碳排放降低\t%\t—\t\t[18]\t约束性
绿色发展\t5\t非化石能源占一次能源消费比重\t%\t12.5\t\t15\t预期性
注：[]内为五年累计数。
"""
OWN_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>own</title></head><body>
<p>某市“十五五”生态环境保护规划</p><p>某政〔2026〕8号</p><p>2026年3月1日</p><p>表 1 主要指标</p>
<table border=1 cellspacing=0 width=100%>
<thead>
<tr><th rowspan="2">类别</th><th rowspan="2">序号</th><th rowspan="2">指标名称</th><th rowspan="2">单位</th>
<th colspan="2">基期</th><th>目标</th><th rowspan="2">属性</th></tr>
<tr><th colspan="2">2025年</th><th>2030年</th></tr>
</thead>
<tbody>
<tr><td rowspan="3">环境质量</td><td>1</td><td><p>细颗粒物</p><p>（PM2.5）</p><p>年均浓度</p></td><td>微克/立方米</td><td colspan="2">35</td><td>≤30</td><td>约束性</td></tr>
<tr><td>2</td><td>空气质量优良天数比率</td><td>%</td><td colspan="2">85.2</td><td>≥88</td><td>约束性</td></tr>
<tr><td>3</td><td>地表水达到或好于Ⅲ类水体比例</td><td>%</td><td colspan="2">80</td><td>85左右</td><td>约束性</td></tr>
<tr><td rowspan="2">绿色发展</td><td>4</td><td>单位地区生产总值二氧化碳排放降低</td><td>%</td><td colspan="2">—</td><td>[18]</td><td>约束性</td></tr>
<tr><td>5</td><td>非化石能源占一次能源消费比重</td><td>%</td><td colspan="2">12.5</td><td>15</td><td>预期性</td></tr>
</tbody></table>
<p>注：[]内为五年累计数。</p>
</body></html>
"""
write(os.path.join(OUT, "own-merged-category.txt"), OWN_TXT)
write(os.path.join(WORK, "cases", "own-merged-category.html"), OWN_HTML)


# The benchmark's plan: about 60 pages of prose with indicator tables between the chapters.
def long_plan():
    prose = (
        "坚持生态优先、绿色发展，统筹推进污染治理、生态保护、应对气候变化，"
        "持续改善生态环境质量，推动经济社会发展全面绿色转型，"
        "为建设人与自然和谐共生的现代化奠定坚实基础。"
    )
    parts = [
        "<p>某市“十五五”国民经济和社会发展规划纲要</p>",
        "<p>某政〔2026〕1号</p>",
        "<p>2026年1月20日</p>",
    ]
    seq = 0
    for chapter in range(1, 21):
        parts.append(f"<p>第{chapter}章 重点任务</p>")
        for k in range(18):
            parts.append(f"<p>（{k + 1}）{prose * 2}</p>")
        parts.append(f"<p>表 {chapter} 第{chapter}章主要指标</p>")
        rows = [
            "<tr><th>序号</th><th>指标名称</th><th>单位</th><th>2025年</th><th>2030年</th><th>属性</th></tr>"
        ]
        for i in range(12):
            seq += 1
            attr = "约束性" if i % 3 == 0 else "预期性"
            rows.append(
                f"<tr><td>{seq}</td><td>第{chapter}类指标{i + 1}</td><td>%</td>"
                f"<td>{10 + i}.{chapter % 10}</td><td>≥{20 + i}</td><td>{attr}</td></tr>"
            )
        parts.append("<table border=1 cellspacing=0 width=100%>" + "".join(rows) + "</table>")
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>long</title></head><body>'
        + "\n".join(parts)
        + "</body></html>"
    )


write(os.path.join(WORK, "long-plan.html"), long_plan())


# PDFs whose Chinese font has no Unicode map: a non-embedded Adobe-GB1 CID font (STSong-Light)
# addressed through a predefined CMap, as older gazette PDFs are. Only poppler-data's CMaps and
# Adobe-GB1 tables let pdftotext read them.
CMAP_ROWS = [
    ["序号", "指标名称", "单位", "2025年", "2030年", "属性"],
    ["1", "森林覆盖率", "%", "25.1", "27", "约束性"],
    ["2", "空气质量优良天数比率", "%", "72.1", "80左右", "约束性"],
    ["3", "城镇新增就业人数", "万人", "[35.2]", "[25]", "预期性"],
]
CMAP_TEXT = ["某市“十五五”生态指标", "表 1 主要指标"]
COLUMNS = [50, 90, 290, 350, 420, 490]


def encode(text, cmap):
    if cmap == "UniGB-UCS2-H":
        return text.encode("utf-16-be").hex()
    return text.encode("gbk").hex()


def cmap_pdf(cmap):
    ops = ["BT"]
    y = 780
    for line in CMAP_TEXT:
        ops.append(f"/F1 12 Tf 1 0 0 1 50 {y} Tm <{encode(line, cmap)}> Tj")
        y -= 24
    for row in CMAP_ROWS:
        for x, cell in zip(COLUMNS, row):
            ops.append(f"/F1 10 Tf 1 0 0 1 {x} {y} Tm <{encode(cell, cmap)}> Tj")
        y -= 20
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-{cmap} /Encoding /{cmap} "
        "/DescendantFonts [6 0 R] >>".encode(),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        b"/FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


cmap_txt = "\n".join(CMAP_TEXT + ["\t".join(r) for r in CMAP_ROWS]) + "\n"
for cmap, name in [("UniGB-UCS2-H", "cmap-ucs2"), ("GBK-EUC-H", "cmap-gbk")]:
    with open(os.path.join(OUT, name + ".pdf"), "wb") as f:
        f.write(cmap_pdf(cmap))
write(os.path.join(OUT, "cmap.txt"), cmap_txt)

# A scanned page: an image and nothing else.
write(
    os.path.join(WORK, "scan.ps"),
    """%!PS
72 72 translate 450 650 scale
64 64 8 [64 0 0 -64 0 64]
{ /s 4096 string def 0 1 4095 { s exch dup 7 mul 255 and put } for s }
image
showpage
""",
)

# 300 pages of prose, Latin text so that no font is needed.
write(
    os.path.join(WORK, "prose.ps"),
    """%!PS
/Helvetica findfont 10 scalefont setfont
1 1 300 { /page exch def
  750 -14 50 { 50 exch moveto
    (The plan describes tasks and measures in prose; there is no indicator table here.) show
  } for
  50 30 moveto page 10 string cvs show
  showpage
} for
""",
)
