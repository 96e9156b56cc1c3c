// A block copied from Excel or WPS arrives as text: cells separated by tabs, rows by
// newlines, and a cell holding a tab, newline or quote wrapped in double quotes.

export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const s = text.replace(/\r\n?/g, '\n')
  while (i < s.length) {
    const c = s[i]
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        cell += c
      }
    } else if (c === '"' && cell === '') {
      quoted = true
    } else if (c === '\t') {
      row.push(cell)
      cell = ''
    } else if (c === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else {
      cell += c
    }
    i++
  }
  // Spreadsheets end the copied block with a newline; that does not make an empty row.
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows.map((r) => r.map((v) => v.trim()))
}

export interface CellWrite {
  row: number
  col: number
  text: string
}

/**
 * Where each pasted value lands when the block is pasted at `start`. Cells beyond the grid
 * are dropped and counted, so the user can be told. Columns in `readonlyCols` are skipped
 * (the value goes nowhere), keeping the block's shape aligned with what was copied.
 */
export function placeBlock(
  block: string[][],
  start: { row: number; col: number },
  size: { rows: number; cols: number },
  isWritable: (row: number, col: number) => boolean = () => true,
): { writes: CellWrite[]; dropped: number } {
  const writes: CellWrite[] = []
  let dropped = 0
  block.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const row = start.row + r
      const col = start.col + c
      if (row >= size.rows || col >= size.cols || !isWritable(row, col)) {
        dropped++
        return
      }
      writes.push({ row, col, text })
    })
  })
  return { writes, dropped }
}
