import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import { baseReference, buildLineage, checkpointReference } from './lineage'

const parentId = '3725abdd-80f2-4030-8a8d-276519b4f678'

describe('baseReference', () => {
  it('reads <modelId>/<checkpoint>', () => {
    expect(baseReference(`${parentId}/epoch_5`)).toEqual({
      modelId: parentId,
      checkpoint: 'epoch_5',
    })
    expect(baseReference(`${parentId.toUpperCase()}/epoch_5`)?.modelId).toBe(parentId)
  })

  it.each([['Marqo/ViT-B-32.laion2b_s34b_b79k'], ['ViT-B-32'], [parentId], [`${parentId}/a/b`]])(
    'is not fooled by %s',
    (baseModel) => {
      expect(baseReference(baseModel)).toBeUndefined()
    },
  )
})

describe('buildLineage', () => {
  const parent = makeModel({
    modelId: parentId,
    modelName: 'parent',
    checkpoints: ['epoch_1', 'epoch_5'],
  })
  const child = makeModel({ modelName: 'child', baseModel: `${parentId}/epoch_5` })
  const sibling = makeModel({ modelName: 'sibling', baseModel: `${parentId}/epoch_1` })
  const orphan = makeModel({
    modelName: 'orphan',
    baseModel: '00000000-0000-4000-8000-999999999999/epoch_2',
  })
  const lineage = buildLineage([parent, child, sibling, orphan])

  it('finds the parent in the account and the checkpoint it was trained from', () => {
    expect(lineage.parentOf(child)).toEqual({
      parent,
      reference: { modelId: parentId, checkpoint: 'epoch_5' },
    })
  })

  it('still gives the reference when the parent is not in the account', () => {
    expect(lineage.parentOf(orphan)?.parent).toBeUndefined()
    expect(lineage.parentOf(orphan)?.reference.checkpoint).toBe('epoch_2')
    expect(lineage.parentOf(parent)).toBeUndefined()
  })

  it('lists the models trained from a model', () => {
    expect(lineage.childrenOf(parentId).map((model) => model.modelName)).toEqual([
      'child',
      'sibling',
    ])
    expect(lineage.childrenOf(child.modelId)).toEqual([])
  })
})

describe('checkpointReference', () => {
  it('is the form the docs use to fine-tune further', () => {
    expect(checkpointReference(parentId, 'epoch_3')).toBe(`${parentId}/epoch_3`)
  })
})
