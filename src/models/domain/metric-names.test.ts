import { describe, expect, it } from 'vitest'

import {
  isRetrievalMetric,
  knownMetricRank,
  knownMetrics,
  looksLikeMetric,
  metricDirection,
  metricKey,
} from './metric-names'

describe('metricKey', () => {
  it.each([
    ['NDCG@10', 'ndcg@10'],
    ['ndcg@10', 'ndcg@10'],
    ['ndcg_at_10', 'ndcg@10'],
    ['NDCG 10', 'ndcg@10'],
    ['ndcg10', 'ndcg@10'],
    ['nDCG@010', 'ndcg@10'],
    ['mAP@1000', 'map@1000'],
    ['MAP@1000', 'map@1000'],
    ['Precision@10', 'p@10'],
    ['P@10', 'p@10'],
    ['precision_at_10', 'p@10'],
    ['recall@k=50', 'recall@50'],
    ['Recall@50', 'recall@50'],
    ['R@10', 'recall@10'],
    ['MRR@1000', 'mrr@1000'],
    ['cosine_ndcg@10', 'cosine_ndcg@10'],
    ['f1', 'f1'],
    ['top_1_accuracy', 'top_1_accuracy'],
    ['eval loss', 'eval_loss'],
    ['10', '10'],
  ])('%s is %s', (name, key) => {
    expect(metricKey(name)).toBe(key)
  })

  it('gives every documented metric the key it is listed under', () => {
    for (const { key, name } of knownMetrics) expect(metricKey(name)).toBe(key)
  })

  it('keeps a very long name whole rather than reading it', () => {
    const name = `${'x'.repeat(200)}@10`
    expect(metricKey(name)).toBe(name)
  })
})

describe('what a name says', () => {
  it('orders the documented metrics first, in the docs order', () => {
    expect(knownMetricRank('ndcg@10')).toBe(0)
    expect(knownMetricRank('recall@50')).toBe(6)
    expect(knownMetricRank('ndcg@5')).toBeUndefined()
  })

  it('tells metrics from other names', () => {
    expect(looksLikeMetric('NDCG@10')).toBe(true)
    expect(looksLikeMetric('accuracy')).toBe(true)
    expect(looksLikeMetric('metrics')).toBe(false)
    expect(looksLikeMetric('epochs')).toBe(false)
  })

  it('counts only retrieval metrics at a cut-off as results', () => {
    expect(isRetrievalMetric('mAP@1000')).toBe(true)
    expect(isRetrievalMetric('p')).toBe(false)
    expect(isRetrievalMetric('lr')).toBe(false)
    expect(isRetrievalMetric('epoch_3')).toBe(false)
  })

  it('knows higher is better for the docs metrics, lower for losses, and says when it assumes', () => {
    expect(metricDirection('ndcg@10')).toEqual({ better: 'higher', assumed: false })
    expect(metricDirection('map@1000')).toEqual({ better: 'higher', assumed: false })
    expect(metricDirection('eval_loss')).toEqual({ better: 'lower', assumed: false })
    expect(metricDirection('mean_rank')).toEqual({ better: 'lower', assumed: false })
    expect(metricDirection('cosine_spearman')).toEqual({ better: 'higher', assumed: true })
  })
})
