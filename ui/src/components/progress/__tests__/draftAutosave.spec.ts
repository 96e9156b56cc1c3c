import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AutosaveQueue, DraftBackup, draftKey, type RowEdits, type StorageLike } from '../draftAutosave'

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}

describe('DraftBackup', () => {
  it('round-trips edits per department and period and drops a corrupt entry', () => {
    const s = memoryStorage()
    const b = new DraftBackup(s, draftKey(3, '2026Q3'))
    b.write({ '17': { value: '12.5' } })
    expect(new DraftBackup(s, draftKey(3, '2026Q3')).read()?.rows).toEqual({ '17': { value: '12.5' } })
    expect(new DraftBackup(s, draftKey(3, '2026Q2')).read()).toBeNull()
    s.setItem(draftKey(4, '2026'), '{not json')
    expect(new DraftBackup(s, draftKey(4, '2026')).read()).toBeNull()
    expect(s.data.has(draftKey(4, '2026'))).toBe(false)
  })
})

describe('AutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('backs up at once and saves once after the edits stop', async () => {
    const s = memoryStorage()
    const backup = new DraftBackup(s, 'k')
    const saved: Record<string, RowEdits>[] = []
    const q = new AutosaveQueue(async (rows) => void saved.push(rows), backup, 500)
    q.edit(1, 'value', '1')
    q.edit(1, 'value', '12')
    q.edit(2, 'note', '口径调整')
    expect(backup.read()?.rows).toEqual({ '1': { value: '12' }, '2': { note: '口径调整' } })
    expect(saved).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(500)
    expect(saved).toEqual([{ '1': { value: '12' }, '2': { note: '口径调整' } }])
    expect(backup.read()).toBeNull()
    expect(q.pendingRows).toBe(0)
  })

  it('keeps rows dirty and backed up when the save fails, and retries on flush', async () => {
    const s = memoryStorage()
    const backup = new DraftBackup(s, 'k')
    let fail = true
    const save = vi.fn(async () => {
      if (fail) throw { code: 'internal', message: '数据库忙' }
    })
    const q = new AutosaveQueue(save, backup, 100)
    q.edit(5, 'value', '8')
    await vi.advanceTimersByTimeAsync(100)
    expect(q.lastError).toMatchObject({ message: '数据库忙' })
    expect(backup.read()?.rows).toEqual({ '5': { value: '8' } })
    fail = false
    await q.flush()
    expect(save).toHaveBeenCalledTimes(2)
    expect(backup.read()).toBeNull()
  })

  it('an edit made while a save is in flight stays dirty', async () => {
    const backup = new DraftBackup(memoryStorage(), 'k')
    let release: () => void = () => {}
    const q = new AutosaveQueue(
      () => new Promise<void>((r) => (release = r)),
      backup,
      100,
    )
    q.edit(1, 'value', '1')
    const flushing = q.flush()
    q.edit(1, 'value', '2')
    release()
    await flushing
    expect(q.pending()).toEqual({ '1': { value: '2' } })
    q.dispose()
  })

  it('restores rows from a backup left by a closed app and saves them', async () => {
    const s = memoryStorage()
    new DraftBackup(s, 'k').write({ '9': { value: '3.3', vintage: '快报' } })
    const backup = new DraftBackup(s, 'k')
    const saved: Record<string, RowEdits>[] = []
    const q = new AutosaveQueue(async (r) => void saved.push(r), backup, 100)
    q.restore(backup.read()!.rows)
    await vi.advanceTimersByTimeAsync(100)
    expect(saved).toEqual([{ '9': { value: '3.3', vintage: '快报' } }])
  })
})

describe('AutosaveQueue refusals', () => {
  it('rows the backend refuses stay dirty and in the backup; the others are done', async () => {
    const backup = new DraftBackup(memoryStorage(), 'k')
    const q = new AutosaveQueue(async () => ['2'], backup, 100)
    q.edit(1, 'value', '5')
    q.edit(2, 'value', 'abc')
    await q.flush()
    expect(q.pending()).toEqual({ '2': { value: 'abc' } })
    expect(backup.read()?.rows).toEqual({ '2': { value: 'abc' } })
  })
})
