import { queryOptions } from '@tanstack/react-query'

import { routePath } from '@common/routes'

import { getJson } from './client'
import { parseDatasetList, readDataset } from './dataset-schema'
import { readDescribed } from './described-entry'
import type { Credentials } from './model-queries'

// The account's datasets: what an evaluation can be started on, and the names evaluations are
// shown by. Loaded with the panel and the evaluations view, not with the first screen.

export const datasetQueries = {
  all: () => ['datasets'] as const,

  /** `GET /datasets`: every dataset, and the entries that are not ones (never hidden). */
  list: ({ sessionId, apiKey }: Credentials) =>
    queryOptions({
      queryKey: [...datasetQueries.all(), 'list', sessionId] as const,
      queryFn: async ({ signal }) =>
        parseDatasetList(await getJson(routePath('listDatasets'), { apiKey, signal })),
    }),

  /**
   * `GET /datasets/{id}`: one dataset, read as the list reads it; one without its own id is read
   * as the one asked for, flagged (`readDescribed`).
   */
  detail: ({ sessionId, apiKey }: Credentials, datasetId: string) =>
    queryOptions({
      queryKey: [...datasetQueries.all(), 'detail', sessionId, datasetId] as const,
      queryFn: async ({ signal }) =>
        readDescribed(
          await getJson(routePath('describeDataset', { datasetId }), { apiKey, signal }),
          {
            field: 'dataset',
            idField: 'datasetId',
            asked: datasetId,
            read: readDataset,
            what: 'a dataset',
          },
        ),
    }),
}
