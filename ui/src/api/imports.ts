import { open } from '@tauri-apps/plugin-dialog'
import type { ImportPreview, ImportSummary } from '../bindings'
import { call } from './invoke'

/** The backend refuses more (plans::MAX_TEXT_BYTES); checking here first spares the IPC trip. */
export const MAX_PASTE_BYTES = 10 * 1024 * 1024

/** Reads the tables in pasted text; stores nothing. Runs off the UI thread in Rust. */
export const previewImport = (text: string) => call<ImportPreview>('preview_import', { text })

/** Reads a file chosen in the dialog; its bytes are decoded (UTF-8 or GB18030) in Rust. */
export const previewImportFile = (path: string) => call<ImportPreview>('preview_import_file', { path })

/** Stores the edited preview in one transaction. */
export const commitImport = (preview: ImportPreview) => call<ImportSummary>('commit_import', { preview })

export async function pickTextFile(): Promise<string | null> {
  const picked = await open({
    multiple: false,
    directory: false,
    filters: [{ name: '文本文件', extensions: ['txt'] }],
  })
  return typeof picked === 'string' ? picked : null
}
