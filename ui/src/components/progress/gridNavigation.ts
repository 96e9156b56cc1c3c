// Excel-like movement between the editable cells of the entry grid. Pure: the grid asks
// where the focus goes for a key and moves it there.

export interface CellPos {
  row: number
  col: number
}

export interface GridSize {
  rows: number
  cols: number
}

export interface KeyInput {
  key: string
  shiftKey?: boolean
  /** Caret at the start / end of the cell's text: only then do ←/→ leave the cell, as in Excel's edit mode. */
  caretAtStart?: boolean
  caretAtEnd?: boolean
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n))
}

/** The cell the focus moves to, or null when the key is not a movement key (or the move is blocked). */
export function nextCell(pos: CellPos, input: KeyInput, size: GridSize): CellPos | null {
  if (size.rows <= 0 || size.cols <= 0) return null
  const { row, col } = pos
  const lastRow = size.rows - 1
  const lastCol = size.cols - 1
  switch (input.key) {
    case 'Enter':
      return { row: clamp(row + (input.shiftKey ? -1 : 1), 0, lastRow), col }
    case 'ArrowDown':
      return { row: clamp(row + 1, 0, lastRow), col }
    case 'ArrowUp':
      return { row: clamp(row - 1, 0, lastRow), col }
    case 'Tab':
      // Tab runs along the row and wraps to the next row's first cell, like Excel.
      if (input.shiftKey) {
        if (col > 0) return { row, col: col - 1 }
        return row > 0 ? { row: row - 1, col: lastCol } : { row, col }
      }
      if (col < lastCol) return { row, col: col + 1 }
      return row < lastRow ? { row: row + 1, col: 0 } : { row, col }
    case 'ArrowLeft':
      if (input.caretAtStart === false) return null
      return { row, col: clamp(col - 1, 0, lastCol) }
    case 'ArrowRight':
      if (input.caretAtEnd === false) return null
      return { row, col: clamp(col + 1, 0, lastCol) }
    default:
      return null
  }
}

/** Whether `key` is handled by the grid (so the default browser action must be prevented). */
export function isMovementKey(key: string): boolean {
  return ['Enter', 'Tab', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(key)
}
