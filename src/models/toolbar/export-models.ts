import type { Model } from '@/api/model-schema'
import { downloadText, toCsv } from '@/lib/csv'
import { jsonText } from '@/lib/json-text'
import { columnMeta } from '@/models/columns/column-registry'

function fileName(extension: string): string {
  return `marqtune-models-${new Date().toISOString().slice(0, 10)}.${extension}`
}

/** The models shown, in the order shown, with the visible columns, as CSV. */
export function modelsCsv(models: Model[], rows: ArrayLike<number>, columnIds: string[]): string {
  const columns = columnIds.flatMap((id) => {
    const meta = columnMeta(id)
    return meta ? [meta] : []
  })
  const body = Array.from(rows, (position) => columns.map((meta) => meta.text(models[position]!)))
  return toCsv([columns.map((meta) => meta.label), ...body])
}

export function exportCsv(models: Model[], rows: ArrayLike<number>, columnIds: string[]): void {
  downloadText(fileName('csv'), modelsCsv(models, rows, columnIds), 'text/csv;charset=utf-8')
}

/** The models shown, in the order shown, every field, as JSON. */
export function exportJson(models: Model[], rows: ArrayLike<number>): void {
  const shown = Array.from(rows, (position) => models[position])
  // Every field, as deep as any real model goes; a value nested thousands of levels deep is
  // cut (and says so) rather than failing the whole export.
  downloadText(fileName('json'), `${jsonText(shown, 2, 1_000)}\n`, 'application/json')
}
