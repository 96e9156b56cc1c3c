// Offline entry (server mode): while the server cannot be reached the unsent cells wait in the
// local draft, and this resends them every 10 s and at once when the window reports it is
// online again. The resend goes through the autosave queue's ordinary save, so a value that
// meets a newer one on the server still shows as a conflict to choose from.

/** What the retry needs of `window` (tests pass their own). */
export interface OnlineSource {
  addEventListener(type: 'online', listener: () => void): void
  removeEventListener(type: 'online', listener: () => void): void
}

export const RETRY_INTERVAL_MS = 10_000

export class OfflineRetry {
  private timer: ReturnType<typeof setInterval> | null = null
  private readonly onOnline = () => void this.resend()

  constructor(
    private readonly resend: () => Promise<void>,
    private readonly target: OnlineSource = window,
    private readonly intervalMs = RETRY_INTERVAL_MS,
  ) {}

  get active(): boolean {
    return this.timer !== null
  }

  /** Gone offline: resend on a timer and at the `online` event (idempotent). */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.resend(), this.intervalMs)
    this.target.addEventListener('online', this.onOnline)
  }

  /** Everything sent (or the grid closed). */
  stop(): void {
    if (!this.timer) return
    clearInterval(this.timer)
    this.timer = null
    this.target.removeEventListener('online', this.onOnline)
  }
}
