import type { Dataset } from '@/api/dataset-schema'
import { naturalKey } from '@/lib/natural-key'

import { statusPhase } from './status'

/** The datasets an evaluation can be started on: ready, of type evaluation, by name. */
export function evaluationDatasets(datasets: readonly Dataset[]): Dataset[] {
  return datasets
    .filter(
      (dataset) =>
        dataset.datasetType.toLowerCase() === 'evaluation' &&
        statusPhase(dataset.status, dataset.secondaryStatus) === 'ready',
    )
    .map((dataset) => ({ dataset, key: naturalKey(dataset.datasetName || dataset.datasetId) }))
    .toSorted((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ dataset }) => dataset)
}

/** A dataset as people read it: its name, its id when it has none or is not in the account. */
export function datasetLabel(
  datasetId: string | undefined,
  datasetsById: ReadonlyMap<string, Dataset>,
): string {
  if (datasetId === undefined) return '(dataset not named)'
  return datasetsById.get(datasetId)?.datasetName || datasetId
}
