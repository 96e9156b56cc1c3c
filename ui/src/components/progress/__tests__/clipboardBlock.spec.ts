import { describe, expect, it } from 'vitest'
import { parseClipboardBlock, placeBlock } from '../clipboardBlock'

describe('parseClipboardBlock', () => {
  it('reads tabs and newlines as copied from Excel, ignoring the trailing newline', () => {
    expect(parseClipboardBlock('1.5\t统计公报\r\n2\t部门统计\r\n')).toEqual([
      ['1.5', '统计公报'],
      ['2', '部门统计'],
    ])
  })

  it('keeps empty cells so columns stay aligned', () => {
    expect(parseClipboardBlock('1\t\t年报\n\t3\t')).toEqual([
      ['1', '', '年报'],
      ['', '3', ''],
    ])
  })

  it('unwraps quoted cells holding newlines, tabs and quotes', () => {
    expect(parseClipboardBlock('"第一行\n第二行"\t"含""引号"""\n5')).toEqual([
      ['第一行\n第二行', '含"引号"'],
      ['5'],
    ])
  })

  it('a single value is a 1×1 block; empty text is no block', () => {
    expect(parseClipboardBlock('42.3')).toEqual([['42.3']])
    expect(parseClipboardBlock('')).toEqual([])
  })
})

describe('placeBlock', () => {
  it('places the block from the focused cell and drops what falls outside', () => {
    const block = [
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]
    const { writes, dropped } = placeBlock(block, { row: 1, col: 2 }, { rows: 3, cols: 3 })
    expect(writes).toEqual([
      { row: 1, col: 2, text: '1' },
      { row: 2, col: 2, text: '2' },
    ])
    expect(dropped).toBe(4)
  })

  it('skips cells that are not writable (approved or read-only rows)', () => {
    const { writes, dropped } = placeBlock([['1'], ['2'], ['3']], { row: 0, col: 0 }, { rows: 3, cols: 1 }, (r) => r !== 1)
    expect(writes.map((w) => w.text)).toEqual(['1', '3'])
    expect(dropped).toBe(1)
  })
})
