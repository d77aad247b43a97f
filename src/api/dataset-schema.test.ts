import { describe, expect, it } from 'vitest'

import { parseDataset, parseDatasetList, readDataset } from './dataset-schema'

const documented = {
  datasetId: 'd1b2c3d4-0000-4000-8000-000000000001',
  datasetName: 'apparel-eval',
  status: 'Ready',
  secondaryStatus: 'Ready',
  datasetType: 'evaluation',
  dataSchema: { query: 'text', image: 'image_pointer', title: 'text', score: 'score' },
  queryColumns: ['query'],
  resultColumns: ['image', 'title'],
}

describe('parseDatasetList', () => {
  it.each([
    ['a bare list', [documented]],
    ['{datasets: [...]}', { datasets: [documented] }],
    ['the only list of an object', { models: [documented] }],
    ['the documented envelope', { statusCode: 200, body: { datasets: [documented] } }],
  ])('reads %s', (_, json) => {
    expect(parseDatasetList(json)).toEqual({
      datasets: [
        {
          ...documented,
          failureReason: undefined,
          dataSchemaText: undefined,
          extra: {},
          warnings: [],
        },
      ],
      rejected: [],
    })
  })

  it('shows every entry with an id and keeps the others with the reason', () => {
    const { datasets, rejected } = parseDatasetList([documented, { datasetName: 'x' }, documented])
    expect(datasets).toHaveLength(1)
    expect(rejected.map((entry) => [entry.position, entry.why])).toEqual([
      [1, 'no dataset id'],
      [2, 'repeated id'],
    ])
  })

  it('refuses an answer with no list', () => {
    expect(() => parseDatasetList({ message: 'Forbidden' })).toThrow(
      expect.objectContaining({ name: 'ApiError', kind: 'unexpected' }),
    )
  })
})

describe('readDataset', () => {
  it('keeps a type it does not know, as it came', () => {
    expect(readDataset({ ...documented, datasetType: ' Benchmark ' })?.datasetType).toBe(
      'Benchmark',
    )
  })

  it('has no column lists when none came, and an empty schema when none came', () => {
    const optional = new Set(['queryColumns', 'resultColumns', 'dataSchema'])
    const rest = Object.fromEntries(
      Object.entries(documented).filter(([key]) => !optional.has(key)),
    )
    expect(readDataset(rest)).toMatchObject({
      queryColumns: undefined,
      resultColumns: undefined,
      dataSchema: {},
      warnings: [],
    })
  })

  it.each([
    [
      'a schema sent as JSON text',
      { dataSchema: '{"query": "text"}' },
      { dataSchema: { query: 'text' }, dataSchemaText: '{"query": "text"}' },
      [],
    ],
    [
      'a schema whose types are objects',
      { dataSchema: { query: { type: 'text' } } },
      { dataSchema: { query: '{"type":"text"}' } },
      ['dataSchema'],
    ],
    [
      'a schema that is a list',
      { dataSchema: ['query'] },
      { dataSchema: {}, dataSchemaText: '["query"]' },
      ['dataSchema'],
    ],
    [
      'one column named alone',
      { queryColumns: 'query' },
      { queryColumns: ['query'] },
      ['queryColumns'],
    ],
    [
      'no name and no type',
      { datasetName: null, datasetType: undefined },
      { datasetName: '', datasetType: '' },
      ['datasetName', 'datasetType'],
    ],
  ])('keeps a dataset with %s, and says which fields', (_, fields, read, warned) => {
    const dataset = readDataset({ ...documented, ...fields })
    expect(dataset).toMatchObject(read)
    expect(dataset?.warnings.map((warning) => warning.field)).toEqual(warned)
  })

  it('keeps a column called "__proto__" as a column', () => {
    const dataset = readDataset({ ...documented, dataSchema: JSON.parse('{"__proto__": "text"}') })
    expect(Object.keys(dataset?.dataSchema ?? {})).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(dataset?.dataSchema)).toBe(Object.prototype)
  })

  it('reads describe bare, in the envelope, or under `dataset`', () => {
    for (const json of [
      documented,
      { statusCode: 200, body: documented },
      { dataset: documented },
    ]) {
      expect(parseDataset(json)?.datasetName).toBe('apparel-eval')
    }
    expect(parseDataset({ message: 'dataset not found' })).toBeUndefined()
  })
})
