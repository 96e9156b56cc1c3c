// Plain-Chinese meaning of a parsed cell, shown on hover beside the original notation,
// e.g. "≥60" → "不低于 60，规划期累计".
import type { Attribute, Direction, Value } from '../bindings'

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)))
}

const COMPARATOR: Record<string, string> = {
  lt: '低于',
  le: '不高于',
  gt: '高于',
  ge: '不低于',
}

export function describeValue(value: Value | null | undefined, unit?: string | null): string {
  if (!value) return '未填写'
  const u = value.unit_in_cell ?? unit ?? ''
  let text: string
  switch (value.kind) {
    case 'empty':
      return '未填写'
    case 'placeholder':
      return '无数据（占位符）'
    case 'pending':
      return `目标待下达：${value.text ?? value.raw}`
    case 'qualitative':
      return `定性目标：${value.text ?? value.raw}`
    case 'ratio':
      text = value.ratio ? `比例 ${num(value.ratio.left)}:${num(value.ratio.right)}` : `比例 ${value.raw}`
      break
    case 'relative': {
      const rel = value.relative
      const verb = rel?.direction === 'decrease' ? '下降' : rel?.direction === 'increase' ? '提高' : '变化'
      const ref = rel?.reference ? `比${rel.reference}` : '比基期'
      const amount = value.value == null ? '' : `${num(value.value)}${rel?.percent ? '%' : u}`
      text = `${ref}${verb} ${amount}`.trim()
      if (value.qualifier === 'ge' || value.qualifier === 'gt') text += '以上'
      if (value.qualifier === 'le' || value.qualifier === 'lt') text += '以内'
      break
    }
    default: {
      if (value.range) {
        text = `${num(value.range.low)}～${num(value.range.high)}${u ? ' ' + u : ''} 之间`
        break
      }
      const n = value.value == null ? value.raw : `${num(value.value)}${u ? ' ' + u : ''}`
      if (value.qualifier === 'approx') text = `${n} 左右`
      else if (value.qualifier) text = `${COMPARATOR[value.qualifier]} ${n}`
      else text = `${n}`
    }
  }
  if (value.cumulative) text += '，规划期累计'
  if (value.footnote) text += `（注${value.footnote}）`
  return text
}

/** The cell as printed in the gazette. */
export function rawValue(value: Value | null | undefined): string {
  return value?.raw?.trim() || '—'
}

export const ATTRIBUTES: Attribute[] = ['约束性', '预期性']

export const DIRECTION_LABEL: Record<Direction, string> = {
  increase: '越大越好',
  decrease: '越小越好',
  maintain: '保持',
  unknown: '未定',
}

export function attributeTagType(a: Attribute | null | undefined): 'danger' | 'info' | 'warning' {
  return a === '约束性' ? 'danger' : a === '预期性' ? 'info' : 'warning'
}

export function periodLabel(start?: number | null, end?: number | null): string {
  if (start && end) return `${start}—${end}年`
  if (end) return `至${end}年`
  return '—'
}
