import { describe, expect, it } from 'vitest'

import { parseDatasetList } from '@/api/dataset-schema'

import { datasetLabel, evaluationDatasets } from './datasets'

const { datasets } = parseDatasetList([
  { datasetId: 'd3', datasetName: 'eval-10', status: 'Ready', datasetType: 'evaluation' },
  { datasetId: 'd1', datasetName: 'eval-2', status: 'Ready', datasetType: 'Evaluation' },
  { datasetId: 'd2', datasetName: 'train', status: 'Ready', datasetType: 'training' },
  {
    datasetId: 'd4',
    datasetName: 'eval-new',
    status: 'Running',
    secondaryStatus: 'Uploading',
    datasetType: 'evaluation',
  },
  { datasetId: 'd5', datasetName: 'eval-bad', status: 'Failed', datasetType: 'evaluation' },
])

describe('evaluationDatasets', () => {
  it('offers ready evaluation datasets only, in natural name order', () => {
    expect(evaluationDatasets(datasets).map((dataset) => dataset.datasetName)).toEqual([
      'eval-2',
      'eval-10',
    ])
  })
})

describe('datasetLabel', () => {
  const byId = new Map(datasets.map((dataset) => [dataset.datasetId, dataset]))

  it('names a dataset by its name, else its id, else says none is named', () => {
    expect(datasetLabel('d2', byId)).toBe('train')
    expect(datasetLabel('d9', byId)).toBe('d9')
    expect(datasetLabel(undefined, byId)).toBe('(dataset not named)')
  })
})
