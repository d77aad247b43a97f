import { routePath } from '@common/routes'

import { parseDatasetList, readDataset } from './dataset-schema'
import { entryQueries } from './entry-queries'

// The account's datasets: what an evaluation can be started on, and the names evaluations are
// shown by. Loaded with the panel and the evaluations view, not with the first screen.

/** `GET /datasets` (`list`) and `GET /datasets/{id}` (`detail`). */
export const datasetQueries = entryQueries('datasets', {
  listPath: routePath('listDatasets'),
  parseList: parseDatasetList,
  describePath: (datasetId) => routePath('describeDataset', { datasetId }),
  field: 'dataset',
  idField: 'datasetId',
  read: readDataset,
  what: 'a dataset',
})
