import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OfflineRetry } from '../offlineRetry'

function target() {
  const t = new EventTarget()
  return Object.assign(t, { fire: () => t.dispatchEvent(new Event('online')) })
}

describe('OfflineRetry', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('resends every 10 s while active, and not after stop', async () => {
    const resend = vi.fn(async () => {})
    const r = new OfflineRetry(resend, target(), 10_000)
    r.start()
    r.start()
    await vi.advanceTimersByTimeAsync(9_999)
    expect(resend).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(resend).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(resend).toHaveBeenCalledTimes(3)
    r.stop()
    expect(r.active).toBe(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(resend).toHaveBeenCalledTimes(3)
  })

  it('resends at once when the window is online again, only while active', async () => {
    const resend = vi.fn(async () => {})
    const t = target()
    const r = new OfflineRetry(resend, t, 10_000)
    t.fire()
    expect(resend).not.toHaveBeenCalled()
    r.start()
    t.fire()
    expect(resend).toHaveBeenCalledTimes(1)
    r.stop()
    t.fire()
    expect(resend).toHaveBeenCalledTimes(1)
  })
})
