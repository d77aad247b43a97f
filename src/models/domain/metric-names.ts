/**
 * Metric names: one key for matching however the service spells a metric (`NDCG@10`,
 * `ndcg@10`, `ndcg_at_10` and `NDCG` → `{"@10": …}` are all `ndcg@10`), while every view shows
 * the service's own spelling.
 */

/** The docs' metrics, in the order the docs list them: how known metrics are ordered. */
export const knownMetrics = [
  { key: 'ndcg@10', name: 'NDCG@10' },
  { key: 'ndcg@100', name: 'NDCG@100' },
  { key: 'mrr@1000', name: 'MRR@1000' },
  { key: 'map@1000', name: 'MAP@1000' },
  { key: 'p@10', name: 'P@10' },
  { key: 'recall@10', name: 'Recall@10' },
  { key: 'recall@50', name: 'Recall@50' },
] as const

/** The metric the best checkpoint is chosen by unless the person picks another. */
export const defaultMetricKey = 'ndcg@10'

const knownOrder = new Map<string, number>(knownMetrics.map(({ key }, index) => [key, index]))

/** Where a known metric goes among the columns; unknown ones go after, in the order met. */
export function knownMetricRank(key: string): number | undefined {
  return knownOrder.get(key)
}

/** Other spellings of a family, as evaluation libraries write them. */
const familyAliases: Readonly<Record<string, string>> = {
  precision: 'p',
  prec: 'p',
  mean_average_precision: 'map',
  mean_reciprocal_rank: 'mrr',
  r: 'recall',
}

/** Families whose number at the end is a cut-off even with no separator (`ndcg10`). */
const cutOffFamilies = new Set(['ndcg', 'map', 'mrr', 'p', 'precision', 'recall', 'hit', 'hits'])

/** Families where a higher number is better: the retrieval metrics and the common scores. */
const higherFamilies = new Set([
  'ndcg',
  'map',
  'mrr',
  'p',
  'recall',
  'hit',
  'hits',
  'hit_rate',
  'accuracy',
  'acc',
  'f1',
  'auc',
])

/** A metric name split: its family (`ndcg`) and its cut-off (`10`), if it has one. */
type MetricName = { family: string; cutOff: string | undefined }

/** Names longer than this are not metric names anyone wrote: matched as they are, lowercased. */
const longestName = 100

function splitMetricName(name: string): MetricName {
  const text = name
    .trim()
    .toLowerCase()
    .replaceAll(/[\s-]+/g, '_')
  if (text.length > longestName) return { family: text, cutOff: undefined }
  let end = text.length
  while (end > 0 && isDigit(text.charCodeAt(end - 1))) end--
  if (end === text.length || end === 0) return { family: family(text), cutOff: undefined }
  const digits = text.slice(end).replace(/^0+(?=\d)/, '')
  let head = text.slice(0, end)
  const separated = stripSeparators(head)
  if (separated === head && !cutOffFamilies.has(head)) {
    return { family: family(text), cutOff: undefined }
  }
  head = separated
  return head ? { family: family(head), cutOff: digits } : { family: text, cutOff: undefined }
}

/** `ndcg_at_`, `recall@k=`, `map@`, `p_` without what joins the cut-off to the family. */
function stripSeparators(head: string): string {
  let text = head
  for (;;) {
    const before = text
    text = text.replace(/[_@=:]+$/, '')
    if (/[_@]k$/.test(text) || text === 'k') text = text.slice(0, -1)
    else if (text.endsWith('_at')) text = text.slice(0, -3)
    if (text === before) return text
  }
}

function family(text: string): string {
  return Object.hasOwn(familyAliases, text) ? familyAliases[text]! : text
}

/** The key metrics are matched by: `ndcg@10` for `NDCG@10`, `ndcg_at_10`, `NDCG 10`. */
export function metricKey(name: string): string {
  const { family: head, cutOff } = splitMetricName(name)
  return cutOff === undefined ? head : `${head}@${cutOff}`
}

/** Whether a name reads as a metric: a known family, or a family with a cut-off. */
export function looksLikeMetric(name: string): boolean {
  const { family: head, cutOff } = splitMetricName(name)
  return cutOff !== undefined || higherFamilies.has(head) || cutOffFamilies.has(head)
}

/** Whether a name is a retrieval metric at a cut-off, as the docs and the walkthrough report. */
export function isRetrievalMetric(name: string): boolean {
  const { family: head, cutOff } = splitMetricName(name)
  return cutOff !== undefined && cutOffFamilies.has(head)
}

/**
 * Which way is better. The docs say higher for all their metrics; for a name this dashboard does
 * not know, a loss, an error or a rank is lower-is-better, anything else is assumed higher (and
 * says it is assumed).
 */
export function metricDirection(key: string): { better: 'higher' | 'lower'; assumed: boolean } {
  const { family: head } = splitMetricName(key)
  if (higherFamilies.has(head)) return { better: 'higher', assumed: false }
  if (/loss|error|rank|perplexity/.test(head)) return { better: 'lower', assumed: false }
  return { better: 'higher', assumed: true }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
