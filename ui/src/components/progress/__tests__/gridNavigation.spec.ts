import { describe, expect, it } from 'vitest'
import { nextCell } from '../gridNavigation'

const size = { rows: 3, cols: 4 }

describe('nextCell', () => {
  it('Enter goes down and Shift+Enter up, stopping at the edges', () => {
    expect(nextCell({ row: 0, col: 1 }, { key: 'Enter' }, size)).toEqual({ row: 1, col: 1 })
    expect(nextCell({ row: 2, col: 1 }, { key: 'Enter' }, size)).toEqual({ row: 2, col: 1 })
    expect(nextCell({ row: 1, col: 1 }, { key: 'Enter', shiftKey: true }, size)).toEqual({ row: 0, col: 1 })
  })

  it('Tab runs along the row and wraps to the next row; Shift+Tab back', () => {
    expect(nextCell({ row: 0, col: 2 }, { key: 'Tab' }, size)).toEqual({ row: 0, col: 3 })
    expect(nextCell({ row: 0, col: 3 }, { key: 'Tab' }, size)).toEqual({ row: 1, col: 0 })
    expect(nextCell({ row: 2, col: 3 }, { key: 'Tab' }, size)).toEqual({ row: 2, col: 3 })
    expect(nextCell({ row: 1, col: 0 }, { key: 'Tab', shiftKey: true }, size)).toEqual({ row: 0, col: 3 })
    expect(nextCell({ row: 0, col: 0 }, { key: 'Tab', shiftKey: true }, size)).toEqual({ row: 0, col: 0 })
  })

  it('arrow keys move, ←/→ only when the caret is at the edge of the text', () => {
    expect(nextCell({ row: 1, col: 1 }, { key: 'ArrowUp' }, size)).toEqual({ row: 0, col: 1 })
    expect(nextCell({ row: 1, col: 1 }, { key: 'ArrowDown' }, size)).toEqual({ row: 2, col: 1 })
    expect(nextCell({ row: 1, col: 1 }, { key: 'ArrowRight', caretAtEnd: true }, size)).toEqual({ row: 1, col: 2 })
    expect(nextCell({ row: 1, col: 1 }, { key: 'ArrowRight', caretAtEnd: false }, size)).toBeNull()
    expect(nextCell({ row: 1, col: 1 }, { key: 'ArrowLeft', caretAtStart: false }, size)).toBeNull()
    expect(nextCell({ row: 1, col: 0 }, { key: 'ArrowLeft', caretAtStart: true }, size)).toEqual({ row: 1, col: 0 })
  })

  it('ignores other keys and empty grids', () => {
    expect(nextCell({ row: 0, col: 0 }, { key: 'a' }, size)).toBeNull()
    expect(nextCell({ row: 0, col: 0 }, { key: 'Enter' }, { rows: 0, cols: 4 })).toBeNull()
  })
})
