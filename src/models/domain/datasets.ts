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

/**
 * The columns evaluation parameters name (`leftKeys`, `rightKeys`, `weightKey`) that a dataset
 * does not have: an evaluation asked with them is refused. None when the dataset's schema is not
 * known (nothing can be said), or the parameters name no column.
 */
export function columnsMissing(
  dataset: Dataset,
  parameters: Readonly<Record<string, unknown>>,
): string[] {
  const columns = Object.keys(dataset.dataSchema)
  if (!columns.length) return []
  const named = [parameters.leftKeys, parameters.rightKeys, [parameters.weightKey]]
    .flatMap((value) => (Array.isArray(value) ? value : []))
    .filter((value): value is string => typeof value === 'string')
  return [...new Set(named)].filter((column) => !columns.includes(column))
}
