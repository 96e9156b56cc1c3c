import { describe, expect, it } from 'vitest'
import { UndoStack } from '../undoStack'

describe('UndoStack', () => {
  it('undoes the last action first and a paste as one step', () => {
    const u = new UndoStack()
    u.push([{ key: 1, field: 'value', before: '', after: '3' }])
    u.push([
      { key: 2, field: 'value', before: '', after: '4' },
      { key: 3, field: 'value', before: '7', after: '5' },
    ])
    const step = u.undo()
    expect(step?.map((c) => [c.key, c.before])).toEqual([
      [3, '7'],
      [2, ''],
    ])
    expect(u.undo()?.[0]).toMatchObject({ key: 1, before: '' })
    expect(u.undo()).toBeNull()
    expect(u.canUndo).toBe(false)
  })

  it('ignores no-op changes and clears redo on a new edit', () => {
    const u = new UndoStack()
    u.push([{ key: 1, field: 'note', before: 'x', after: 'x' }])
    expect(u.canUndo).toBe(false)
    u.push([{ key: 1, field: 'note', before: '', after: 'y' }])
    u.undo()
    expect(u.canRedo).toBe(true)
    expect(u.redo()?.[0].after).toBe('y')
    u.undo()
    u.push([{ key: 2, field: 'note', before: '', after: 'z' }])
    expect(u.canRedo).toBe(false)
  })

  it('keeps at most `limit` steps', () => {
    const u = new UndoStack(2)
    for (let i = 0; i < 3; i++) u.push([{ key: i, field: 'value', before: '', after: String(i) }])
    expect(u.undo()?.[0].key).toBe(2)
    expect(u.undo()?.[0].key).toBe(1)
    expect(u.undo()).toBeNull()
  })
})
