import type { ImportChanges, TableRevision } from '../../bindings'

/** Stored tables the import would revise (a corrected or re-issued gazette of a stored plan). */
export function revisions(changes: ImportChanges): TableRevision[] {
  return changes.plans.flatMap((p) => p.revisions)
}

/** Does committing change anything already stored? Then the wizard asks first. */
export function revisesStoredPlans(changes: ImportChanges): boolean {
  return revisions(changes).length > 0
}

/** One line per kind of change, for the confirmation dialog's heading. */
export function changeSummary(changes: ImportChanges): string {
  const revs = revisions(changes)
  const added = revs.reduce((n, r) => n + r.added.length, 0)
  const changed = revs.reduce((n, r) => n + r.changed.length, 0)
  const removed = revs.reduce((n, r) => n + r.dropped.filter((d) => !d.kept_for_values).length, 0)
  const kept = revs.reduce((n, r) => n + r.dropped.filter((d) => d.kept_for_values).length, 0)
  const parts = [`更新 ${changed} 项`, `新增 ${added} 项`, `删除 ${removed} 项`]
  if (kept > 0) parts.push(`${kept} 项新文件中已无但有填报数据，予以保留`)
  return `已导入的规划将按新文件修订：${parts.join('，')}。已填报的数值全部保留。`
}

/** `36 → 36.5`, with a dash for an empty side. */
export function fieldChangeText(old: string | null, next: string | null): string {
  return `${old ?? '—'} → ${next ?? '—'}`
}
