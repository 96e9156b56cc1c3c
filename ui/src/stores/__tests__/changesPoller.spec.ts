import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChangesPoller, type VisibilitySource } from '../changesPoller'

class FakeDocument implements VisibilitySource {
  hidden = false
  private listeners = new Set<() => void>()
  addEventListener(_t: 'visibilitychange', l: () => void) {
    this.listeners.add(l)
  }
  removeEventListener(_t: 'visibilitychange', l: () => void) {
    this.listeners.delete(l)
  }
  setHidden(h: boolean) {
    this.hidden = h
    for (const l of this.listeners) l()
  }
  get listening() {
    return this.listeners.size
  }
}

describe('ChangesPoller', () => {
  let doc: FakeDocument
  let counter: number
  let fail: boolean
  let read: ReturnType<typeof vi.fn<() => Promise<number>>>
  let reload: ReturnType<typeof vi.fn>

  beforeEach(() => {
    vi.useFakeTimers()
    doc = new FakeDocument()
    counter = 5
    fail = false
    read = vi.fn(async () => {
      if (fail) throw { code: 'offline', message: '无法连接服务器' }
      return counter
    })
    reload = vi.fn()
  })
  afterEach(() => vi.useRealTimers())

  it('takes the first reading as the baseline and reloads only when the counter grew', async () => {
    const p = new ChangesPoller(read, reload, doc, 10_000)
    p.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(read).toHaveBeenCalledTimes(1)
    expect(reload).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(read).toHaveBeenCalledTimes(2)
    expect(reload).not.toHaveBeenCalled()
    counter = 7
    await vi.advanceTimersByTimeAsync(9_999)
    expect(reload).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(reload).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(reload).toHaveBeenCalledTimes(1)
    p.stop()
  })

  it('does not poll while hidden and catches up at once when shown again', async () => {
    const p = new ChangesPoller(read, reload, doc, 10_000)
    p.start()
    await vi.advanceTimersByTimeAsync(0)
    doc.setHidden(true)
    counter = 9
    await vi.advanceTimersByTimeAsync(60_000)
    expect(read).toHaveBeenCalledTimes(1)
    doc.setHidden(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(read).toHaveBeenCalledTimes(2)
    expect(reload).toHaveBeenCalledTimes(1)
    p.stop()
  })

  it('keeps polling through a failed reading and stops for good on stop()', async () => {
    const p = new ChangesPoller(read, reload, doc, 10_000)
    p.start()
    await vi.advanceTimersByTimeAsync(0)
    fail = true
    await vi.advanceTimersByTimeAsync(10_000)
    expect(reload).not.toHaveBeenCalled()
    fail = false
    counter = 6
    await vi.advanceTimersByTimeAsync(10_000)
    expect(reload).toHaveBeenCalledTimes(1)
    p.stop()
    expect(doc.listening).toBe(0)
    counter = 8
    await vi.advanceTimersByTimeAsync(60_000)
    expect(read).toHaveBeenCalledTimes(3)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('a smaller counter (another database) becomes the new baseline without a reload', async () => {
    const p = new ChangesPoller(read, reload, doc, 10_000)
    p.start()
    await vi.advanceTimersByTimeAsync(0)
    counter = 2
    await vi.advanceTimersByTimeAsync(10_000)
    expect(reload).not.toHaveBeenCalled()
    counter = 3
    await vi.advanceTimersByTimeAsync(10_000)
    expect(reload).toHaveBeenCalledTimes(1)
    p.stop()
  })
})
