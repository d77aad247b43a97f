import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Model } from '@/api/model-schema'
import { makeModel } from '@/testing/factories'
import { modelIndexSpec } from '@/models/columns/column-registry'
import { varyingHyperparameterKeys } from '@/models/domain/hyperparameters'
import { applyFilters, facetCounts, type FacetSelection } from './facets'
import { buildModelIndex } from './model-index'
import { sortedPositions, type SortRule } from './ranks'

function view(
  models: Model[],
  {
    search = '',
    facets = {},
    sorting = [],
  }: { search?: string; facets?: FacetSelection; sorting?: SortRule[] } = {},
) {
  const index = buildModelIndex(models, modelIndexSpec)
  const matches = index.matches(search)
  const rows = applyFilters(index, matches, facets, sortedPositions(index, sorting))
  const names = Array.from(rows, (position) => models[position]!.modelName)
  const countsOf = (id: string) => {
    const counts = facetCounts(index, matches, facets, id)
    return Object.fromEntries(
      (index.facet(id)?.options ?? []).map((option, position) => [option.label, counts[position]]),
    )
  }
  return { index, names, countsOf }
}

describe('the status facet', () => {
  const models = [
    makeModel({ modelName: 'a', status: 'failed' }),
    makeModel({ modelName: 'b', status: 'Failed' }),
    makeModel({ modelName: 'c', status: 'failed' }),
    makeModel({ modelName: 'd', status: 'ready' }),
  ]

  it('groups statuses case-insensitively and shows the service’s spellings, commonest first', () => {
    const options = view(models).index.facet('status')?.options
    expect(options).toEqual([
      { key: 'failed', label: 'failed / Failed', total: 3 },
      { key: 'ready', label: 'ready', total: 1 },
    ])
  })

  it('matches every spelling of a chosen status', () => {
    expect(view(models, { facets: { status: ['failed'] } }).names).toEqual(['a', 'b', 'c'])
  })

  it('ORs values within a facet and ANDs across facets', () => {
    const mixed = [
      makeModel({ modelName: 'a', status: 'failed', instanceType: 'marqtune.basic' }),
      makeModel({ modelName: 'b', status: 'ready', instanceType: 'marqtune.performance' }),
      makeModel({ modelName: 'c', status: 'stopped', instanceType: 'marqtune.basic' }),
    ]
    expect(view(mixed, { facets: { status: ['failed', 'ready'] } }).names).toEqual(['a', 'b'])
    expect(
      view(mixed, { facets: { status: ['failed', 'ready'], instanceType: ['marqtune.basic'] } })
        .names,
    ).toEqual(['a'])
  })
})

describe('facet counts', () => {
  const models = [
    makeModel({ modelName: 'apparel-1', status: 'failed', instanceType: 'marqtune.basic' }),
    makeModel({ modelName: 'apparel-2', status: 'ready', instanceType: 'marqtune.performance' }),
    makeModel({ modelName: 'apparel-3', status: 'ready', instanceType: 'marqtune.basic' }),
    makeModel({ modelName: 'shoes-1', status: 'ready', instanceType: 'marqtune.basic' }),
  ]

  it('count what each option would show under the search and the other facets', () => {
    const { countsOf } = view(models, {
      search: 'apparel',
      facets: { instanceType: ['marqtune.basic'] },
    })
    expect(countsOf('status')).toEqual({ failed: 1, ready: 1 })
  })

  it('ignore the facet’s own choice, so other options still show what they would add', () => {
    const { countsOf, names } = view(models, { facets: { status: ['failed'] } })
    expect(names).toEqual(['apparel-1'])
    expect(countsOf('status')).toEqual({ failed: 1, ready: 3 })
    expect(countsOf('instanceType')).toEqual({ 'marqtune.basic': 1, 'marqtune.performance': 0 })
  })
})

describe('search', () => {
  const models = [
    makeModel({ modelName: 'gs-apparel-v3', checkpoints: ['epoch_1', 'epoch_17'] }),
    makeModel({ modelName: 'shoes', status: 'failed', failureReason: 'CUDA out of memory' }),
    makeModel({ modelName: 'legacy', baseModel: 'ViT-B-32', baseCheckpoint: 'laion400m_e31' }),
    makeModel({ modelName: 'Jewellery', secondaryStatus: 'provisioning' }),
    makeModel({ modelName: 'Crème-Brûlée-v2', modelId: 'run/ÉTÉ-2026' }),
  ]

  it.each([
    ['the id', 'ÉTÉ-2026', ['Crème-Brûlée-v2']],
    ['a name beyond ASCII', 'brûlée', ['Crème-Brûlée-v2']],
    ['a checkpoint name', 'epoch_17', ['gs-apparel-v3']],
    ['the failure reason', 'out of memory', ['shoes']],
    ['the base checkpoint', 'laion400m', ['legacy']],
    ['the secondary status', 'PROVISIONING', ['Jewellery']],
    ['the name, ignoring case', 'jEWEL', ['Jewellery']],
    ['every term, in any field', 'cuda shoes', ['shoes']],
  ])('looks in %s', (_, search, expected) => {
    expect(view(models, { search }).names).toEqual(expected)
  })

  it('gives the same rows when narrowing as when starting over', () => {
    const { index } = view(models)
    index.matches('e')
    index.matches('ep')
    const narrowed = index.matches('epoch_1')
    const fresh = buildModelIndex(models, modelIndexSpec).matches('epoch_1')
    expect(Array.from(narrowed)).toEqual(Array.from(fresh))
    // Deleting a character widens again.
    expect(index.matches('e').length).toBeGreaterThan(narrowed.length)
  })
})

describe('sorting', () => {
  it('keeps the service’s order with no sort', () => {
    const models = [makeModel({ modelName: 'b' }), makeModel({ modelName: 'a' })]
    expect(view(models).names).toEqual(['b', 'a'])
  })

  it('sorts names in natural order both ways', () => {
    const models = ['model-10', 'Model-2', 'model-1'].map((modelName) => makeModel({ modelName }))
    expect(view(models, { sorting: [{ id: 'modelName', desc: false }] }).names).toEqual([
      'model-1',
      'Model-2',
      'model-10',
    ])
    expect(view(models, { sorting: [{ id: 'modelName', desc: true }] }).names).toEqual([
      'model-10',
      'Model-2',
      'model-1',
    ])
  })

  it('puts statuses in lifecycle order, not alphabetical', () => {
    const models = [
      makeModel({ modelName: 'unknown', status: 'Archived' }),
      makeModel({ modelName: 'failed', status: 'failed' }),
      makeModel({ modelName: 'ready', status: 'READY' }),
      makeModel({ modelName: 'stopped', status: 'stopped' }),
      makeModel({ modelName: 'running', status: 'running', secondaryStatus: 'running' }),
      makeModel({ modelName: 'waiting', status: 'running', secondaryStatus: 'provisioning' }),
    ]
    expect(view(models, { sorting: [{ id: 'status', desc: false }] }).names).toEqual([
      'waiting',
      'running',
      'ready',
      'stopped',
      'failed',
      'unknown',
    ])
  })

  it('compares numbers as numbers and puts absent values last in both directions', () => {
    const models = [
      makeModel({ modelName: 'none' }),
      makeModel({ modelName: '9000', maxTrainingTime: 9000 }),
      makeModel({ modelName: '600', maxTrainingTime: 600 }),
      makeModel({ modelName: '86400', maxTrainingTime: 86400 }),
    ]
    const sort = (desc: boolean) =>
      view(models, { sorting: [{ id: 'maxTrainingTime', desc }] }).names
    expect(sort(false)).toEqual(['600', '9000', '86400', 'none'])
    expect(sort(true)).toEqual(['86400', '9000', '600', 'none'])
  })

  it('breaks ties with the next rule, then the service’s order', () => {
    const models = [
      makeModel({ modelName: 'b', instanceType: 'marqtune.basic' }),
      makeModel({ modelName: 'a', instanceType: 'marqtune.performance' }),
      makeModel({ modelName: 'c', instanceType: 'marqtune.basic' }),
      makeModel({ modelName: 'a', instanceType: 'marqtune.basic' }),
    ]
    const sorting = [
      { id: 'instanceType', desc: false },
      { id: 'modelName', desc: true },
    ]
    expect(view(models, { sorting }).names.map((name, i) => `${name}:${i}`)).toEqual([
      'c:0',
      'b:1',
      'a:2',
      'a:3',
    ])
    expect(view(models, { sorting: [{ id: 'instanceType', desc: false }] }).names).toEqual([
      'b',
      'c',
      'a',
      'a',
    ])
  })

  it('sorts a hyperparameter column numerically, absent last', () => {
    const models = [
      makeModel({ modelName: 'none' }),
      makeModel({ modelName: 'big', hyperparameters: { lr: 1e-4 } }),
      makeModel({ modelName: 'small', hyperparameters: { lr: 2e-5 } }),
    ]
    expect(view(models, { sorting: [{ id: 'hp.lr', desc: false }] }).names).toEqual([
      'small',
      'big',
      'none',
    ])
  })

  it('sorts the same with sort keys prepared while idle, in part or in full', () => {
    const models = Array.from({ length: 1500 }, (_, n) =>
      makeModel({ modelName: `run-${(n * 7919) % 1500}` }),
    )
    const fresh = view(models, { sorting: [{ id: 'modelName', desc: false }] }).names
    for (const budget of [0, Infinity]) {
      const index = buildModelIndex(models, modelIndexSpec)
      index.prepareSort('modelName', budget)
      const rows = applyFilters(
        index,
        index.matches(''),
        {},
        sortedPositions(index, [{ id: 'modelName', desc: false }]),
      )
      expect(Array.from(rows, (position) => models[position]!.modelName)).toEqual(fresh)
    }
    expect(fresh.slice(0, 3)).toEqual(['run-0', 'run-1', 'run-2'])
  })

  it('orders like comparing the rules one by one, for any rules, directions and ties', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            modelName: fc.constantFrom('a', 'b', 'run-2', 'run-10', ''),
            status: fc.constantFrom('ready', 'failed', 'Running', 'odd'),
            maxTrainingTime: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          }),
          { maxLength: 40 },
        ),
        fc.uniqueArray(
          fc.record({
            id: fc.constantFrom('modelName', 'status', 'maxTrainingTime'),
            desc: fc.boolean(),
          }),
          { selector: (rule) => rule.id, minLength: 1, maxLength: 3 },
        ),
        (fields, sorting) => {
          const models = fields.map((field) => makeModel(field))
          const index = buildModelIndex(models, modelIndexSpec)
          const rules = sorting.map((rule) => ({ ...index.rank(rule.id)!, desc: rule.desc }))
          const expected = [...models.keys()].toSorted((a, b) => {
            for (const { ranks, absentRank, desc } of rules) {
              const [ra, rb] = [ranks[a]!, ranks[b]!]
              if (ra === rb) continue
              if (ra === absentRank) return 1
              if (rb === absentRank) return -1
              return desc ? rb - ra : ra - rb
            }
            return a - b
          })
          expect([...sortedPositions(index, sorting)!]).toEqual(expected)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('ignores a sort on a column that does not exist', () => {
    const models = [makeModel({ modelName: 'b' }), makeModel({ modelName: 'a' })]
    expect(view(models, { sorting: [{ id: 'nope', desc: false }] }).names).toEqual(['b', 'a'])
  })
})

describe('varyingHyperparameterKeys', () => {
  it('lists the keys whose values differ among the given models only', () => {
    const models = [
      makeModel({ hyperparameters: { lr: 1e-5, epochs: 5, keys: ['a'] } }),
      makeModel({ hyperparameters: { lr: 2e-5, epochs: 5, keys: ['a'] } }),
      makeModel({ hyperparameters: { lr: 2e-5, epochs: 5, keys: ['b'], extra: 1 } }),
    ]
    expect(varyingHyperparameterKeys(models, [0, 1, 2])).toEqual(['extra', 'keys', 'lr'])
    expect(varyingHyperparameterKeys(models, [0, 1])).toEqual(['lr'])
    expect(varyingHyperparameterKeys(models, [1])).toEqual([])
  })
})
