import { open } from '@tauri-apps/plugin-dialog'
import type { ImportChanges, ImportPreview, ImportSummary } from '../bindings'
import { call } from './invoke'

/** The backend refuses more (plans::MAX_TEXT_BYTES); checking here first spares the IPC trip. */
export const MAX_PASTE_BYTES = 10 * 1024 * 1024

/** Reads the tables in pasted text; stores nothing. Runs off the UI thread in Rust. */
export const previewImport = (text: string) => call<ImportPreview>('preview_import', { text })

/** Reads a file chosen in the dialog (text, Word .docx or PDF); it is read in Rust. */
export const previewImportFile = (path: string) => call<ImportPreview>('preview_import_file', { path })

/** Reads a paste that carried HTML (tables with merged cells); `text` is the fallback. */
export const previewImportHtml = (html: string, text: string) =>
  call<ImportPreview>('preview_import_html', { html, text })

/** What committing would change in plans already stored (a corrected or re-issued gazette). */
export const previewImportChanges = (preview: ImportPreview) =>
  call<ImportChanges>('preview_import_changes', { preview })

/** Stores the edited preview in one transaction. */
export const commitImport = (preview: ImportPreview) => call<ImportSummary>('commit_import', { preview })

export async function pickPlanFile(): Promise<string | null> {
  const picked = await open({
    multiple: false,
    directory: false,
    // .doc/.wps are offered so that picking one explains how to convert it.
    filters: [{ name: '规划文件（Word、PDF、文本）', extensions: ['docx', 'pdf', 'txt', 'doc', 'wps'] }],
  })
  return typeof picked === 'string' ? picked : null
}
