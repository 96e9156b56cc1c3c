import { describe, expect, it } from 'vitest'
import { formProblem, looksLikePdf, suggestedFileName, toBytes, toRequest, type ReportForm } from '../reportOptions'

const base: ReportForm = { kind: 'quarterly', scope: 'all', period: '2026Q3', planId: null, departmentId: null }

describe('report options', () => {
  it('the kind decides whether a quarter or a year is needed', () => {
    expect(formProblem(base)).toBeNull()
    expect(formProblem({ ...base, period: '2026' })).toContain('季度')
    expect(formProblem({ ...base, kind: 'annual', period: '2026' })).toBeNull()
    expect(formProblem({ ...base, kind: 'annual' })).toContain('全年')
  })

  it('a plan or department scope needs its choice; 总结评估 needs a plan', () => {
    expect(formProblem({ ...base, scope: 'plan' })).toBe('请选择规划')
    expect(formProblem({ ...base, scope: 'department' })).toBe('请选择部门')
    expect(formProblem({ ...base, kind: 'completion', period: '2025' })).toContain('单个规划')
    expect(formProblem({ ...base, kind: 'completion', period: '2025', scope: 'plan', planId: 2 })).toBeNull()
  })

  it('sends only the id of the chosen scope', () => {
    expect(toRequest({ ...base, scope: 'plan', planId: 2, departmentId: 5 })).toEqual({
      kind: 'quarterly',
      period: '2026Q3',
      planId: 2,
      departmentId: null,
    })
    expect(toRequest({ ...base, planId: 2, departmentId: 5 })).toMatchObject({ planId: null, departmentId: null })
  })

  it('suggests safe file names', () => {
    expect(suggestedFileName(base, 'pdf')).toBe('季度监测报告-2026Q3.pdf')
    expect(suggestedFileName(base, 'xlsx', '发改/委')).toBe('发改_委-指标监测表-2026Q3.xlsx')
  })

  it('recognises PDF bytes however the shell sent them', () => {
    const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]
    expect(looksLikePdf(toBytes(pdf))).toBe(true)
    expect(looksLikePdf(toBytes(new Uint8Array(pdf).buffer))).toBe(true)
    expect(looksLikePdf(toBytes([1, 2, 3, 4, 5, 6]))).toBe(false)
  })
})
