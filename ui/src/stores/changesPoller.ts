// Seeing others' work (server mode): a view asks the server's change counter every 10 s while
// it is visible and reloads its data when the counter grew. Polling, not server-sent events:
// one small request per open view, no connection to keep alive through intranet proxies.
import { onBeforeUnmount, onMounted } from 'vue'
import { changes } from '../api/server'

/** What the poller needs of `document` (tests pass their own). */
export interface VisibilitySource {
  readonly hidden: boolean
  addEventListener(type: 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'visibilitychange', listener: () => void): void
}

export const POLL_INTERVAL_MS = 10_000

export class ChangesPoller {
  private last: number | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private readonly onVisibility = () => {
    if (!this.running) return
    this.clearTimer()
    // Back in view: catch up at once rather than up to 10 s later.
    if (!this.doc.hidden) void this.tick()
  }

  constructor(
    private readonly read: () => Promise<number>,
    private readonly reload: () => unknown,
    private readonly doc: VisibilitySource = document,
    private readonly intervalMs = POLL_INTERVAL_MS,
  ) {}

  /** Reads the counter as the baseline (the view has just loaded), then polls. */
  start(): void {
    if (this.running) return
    this.running = true
    this.doc.addEventListener('visibilitychange', this.onVisibility)
    if (!this.doc.hidden) void this.tick()
  }

  stop(): void {
    this.running = false
    this.clearTimer()
    this.doc.removeEventListener('visibilitychange', this.onVisibility)
  }

  /** One poll: reloads when the counter grew since the last one seen; then the next. */
  async tick(): Promise<void> {
    try {
      const now = await this.read()
      if (!this.running) return
      const grew = this.last !== null && now > this.last
      this.last = now
      if (grew) await this.reload()
    } catch {
      // Offline or a local database without the counter: try again at the next tick.
    } finally {
      this.schedule()
    }
  }

  private schedule(): void {
    this.clearTimer()
    if (!this.running || this.doc.hidden) return
    this.timer = setTimeout(() => void this.tick(), this.intervalMs)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

/** A view's polling: from mount to unmount, reloading with `reload`. */
export function usePollChanges(reload: () => unknown): ChangesPoller {
  const poller = new ChangesPoller(async () => (await changes()).last_change, reload)
  onMounted(() => poller.start())
  onBeforeUnmount(() => poller.stop())
  return poller
}
