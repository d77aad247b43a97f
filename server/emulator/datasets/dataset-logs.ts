import { oneLineAMinute, type LogLine } from '../logs'
import type { WireDataset } from './wire-dataset'

/** A seeded dataset's log, one line a minute up to `end`: its upload and its checks. */
export function datasetLogOf(dataset: WireDataset, end: number): LogLine[] {
  const lines = [
    `Dataset ${dataset.datasetId} (${dataset.datasetName}) created, type ${dataset.datasetType}`,
    `Schema: ${Object.entries(dataset.dataSchema)
      .map(([column, type]) => `${column} (${type})`)
      .join(', ')}`,
    'Uploading the data file',
  ]
  const status = dataset.status.toLowerCase()
  if (status === 'ready') lines.push('Validating rows', 'Dataset ready')
  if (status === 'failed')
    lines.push('Validating rows', ...(dataset.failureReason ?? '').split('\n'))
  return oneLineAMinute(lines, end)
}
