import type { ColumnChoice, ImportPreview, ManualTable, PreviewTable } from '../bindings'
import { call } from './invoke'

/** The importer's guess for lines `first..=last` of `text`; stores nothing. */
export const guessManualTable = (text: string, first: number, last: number, key: string) =>
  call<ManualTable>('guess_manual_table', { text, first, last, key })

/** The same lines read with the roles a person chose; stores nothing. */
export const readManualTable = (
  text: string,
  first: number,
  last: number,
  headerRows: number,
  columns: ColumnChoice[],
  key: string,
) => call<PreviewTable>('read_manual_table', { text, first, last, headerRows, columns, key })

/** Pasted text in which no table was found: a preview without tables, for pointing at them. */
export const previewOrBlank = (text: string) => call<ImportPreview>('preview_or_blank', { text })

/** A file in which no table was found: a preview without tables, on the file's text. */
export const previewFileOrBlank = (path: string) => call<ImportPreview>('preview_file_or_blank', { path })
