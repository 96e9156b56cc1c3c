import type { ImportPreview, IndicatorView, PlanSummary, PlanTable, Value } from '../src/bindings'

export const num = (raw: string, value: number, extra: Partial<Value> = {}): Value => ({
  raw,
  kind: 'number',
  value,
  qualifier: null,
  cumulative: false,
  text: null,
  ...extra,
})

export function planSummary(id: number, title: string, over: Partial<PlanSummary> = {}): PlanSummary {
  return {
    id,
    title,
    issuer: '许昌市人民政府',
    doc_number: `许政〔2022〕${id}号`,
    issue_date: '2022-04-01',
    period_start: 2021,
    period_end: 2025,
    baseline_year: 2020,
    target_year: 2025,
    table_count: 1,
    indicator_count: 3,
    binding_count: 1,
    expected_count: 2,
    unmarked_count: 0,
    review_count: 0,
    ...over,
  }
}

export const table: PlanTable = {
  id: 10,
  plan_id: 1,
  title: '“十四五”生态环境保护主要指标',
  kind: 'targets',
  baseline_year: 2020,
  target_year: 2025,
}

export function indicator(id: number, name: string, category: string, over: Partial<IndicatorView> = {}): IndicatorView {
  return {
    id,
    plan_id: 1,
    table_id: 10,
    position: id,
    seq: String(id),
    category,
    group: null,
    parent: null,
    name,
    unit: '%',
    region: null,
    attribute: '约束性',
    direction: 'increase',
    baseline: num('56.1', 56.1),
    target: num('≥60', 60, { qualifier: 'ge' }),
    actual: null,
    note: null,
    flow: false,
    lead_department_id: null,
    lead_department: null,
    supporting_departments: [],
    ...over,
  }
}

export function preview(): ImportPreview {
  return {
    sha256: 'abc',
    file_name: null,
    text: '示范市体育事业发展“十五五”规划\n表1 主要指标\n…',
    corrections: [],
    plans: [
      {
        key: 'p0',
        title: '示范市体育事业发展“十五五”规划',
        issuer: null,
        doc_number: '示体〔2026〕8号',
        issue_date: null,
        period_start: 2026,
        period_end: 2030,
        baseline_year: 2025,
        target_year: 2030,
        tables: [
          {
            key: 'p0/t0',
            keep: true,
            title: '表1 主要指标',
            kind: 'targets',
            baseline_year: 2025,
            target_year: 2030,
            start_line: 9,
            end_line: 13,
            columns: ['类别', '指标名称', '单位', '2025年', '2030年', '属性'],
            notes: [],
            column_roles: [
              { index: 1, label: '指标名称', role: 'name', year: null, reason: '表头为“指标名称”' },
              { index: 5, label: '属性', role: 'attribute', year: null, reason: '内容为约束性/预期性' },
            ],
            rows: [1, 2, 3].map((n) => ({
              key: `p0/t0/r${n}`,
              keep: true,
              line: 9 + n,
              seq: String(n),
              category: '群众体育',
              group: null,
              parent: null,
              name: `指标${n}`,
              unit: '%',
              region: null,
              attribute: '预期性',
              direction: 'increase',
              baseline_raw: '38.5',
              target_raw: '≥42',
              actual_raw: null,
              baseline: num('38.5', 38.5),
              target: num('≥42', 42, { qualifier: 'ge' }),
              actual: null,
              note: null,
              lead_department: null,
              lead_department_id: null,
              reasons: ['名称取自“指标名称”列', '目标值取自“2030年”列'],
              doubts: n === 2 ? ['目标值含数字但读不成数值'] : [],
            })),
          },
        ],
      },
    ],
  }
}
