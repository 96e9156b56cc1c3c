// Undo of the last edits (Ctrl+Z). A paste is one step, so one undo reverts the whole block.

export interface CellChange {
  /** Row key (indicator id) and field name, so an undo survives re-sorting the grid. */
  key: number
  field: string
  before: string
  after: string
}

export class UndoStack {
  private steps: CellChange[][] = []
  private redoSteps: CellChange[][] = []

  constructor(private readonly limit = 200) {}

  /** Records one user action; changes that do not change anything are left out. */
  push(changes: CellChange[]): void {
    const real = changes.filter((c) => c.before !== c.after)
    if (real.length === 0) return
    this.steps.push(real)
    if (this.steps.length > this.limit) this.steps.shift()
    this.redoSteps = []
  }

  /** The changes to revert (apply each `before`), newest first; null when nothing is left. */
  undo(): CellChange[] | null {
    const step = this.steps.pop()
    if (!step) return null
    this.redoSteps.push(step)
    return [...step].reverse()
  }

  /** The changes to re-apply (each `after`); null when nothing was undone. */
  redo(): CellChange[] | null {
    const step = this.redoSteps.pop()
    if (!step) return null
    this.steps.push(step)
    return step
  }

  get canUndo(): boolean {
    return this.steps.length > 0
  }

  get canRedo(): boolean {
    return this.redoSteps.length > 0
  }

  clear(): void {
    this.steps = []
    this.redoSteps = []
  }
}
