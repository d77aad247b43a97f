import type { Evaluation } from '@/api/evaluation-schema'
import type { LogLine } from '@/api/model-logs'
import { jsonText } from '@/lib/json-text'
import { parsePythonLiteral, readPythonLiteral } from '@/lib/python-literal'

import { isRetrievalMetric, looksLikeMetric, metricKey } from './metric-names'

/**
 * An evaluation's metrics, read from wherever the numbers are. The shape of describe's
 * `evaluationMetrics` is not documented, and Marqo's walkthrough reads the results from the log
 * instead (docs/marqtune-api.md), so both are read and every number says where it came from.
 */

/** `describe`: `GET /evaluation/{id}`'s `evaluationMetrics`; `log`: a line of the evaluation's log. */
export type MetricSource = 'describe' | 'log'

export type MetricValue = {
  /** For matching (`ndcg@10`): see metric-names.ts. */
  key: string
  /** As the service spelt it; a grouped one as its family and cut-off (`NDCG@10`). */
  name: string
  value: number
  source: MetricSource
  /** Where inside what came: `NDCG › @10`, or the key in the log line's dict. */
  path: string
}

/** A value under a metric's name that is not a number (`nan`, a sentence): shown as it came. */
export type UnreadMetric = { name: string; came: string; source: MetricSource; path: string }

export type MetricsReading = {
  /** Each metric once, in the order the service sent them. */
  values: readonly MetricValue[]
  byKey: ReadonlyMap<string, MetricValue>
  /** Where the numbers came from: `none` when neither describe nor the log had any. */
  source: MetricSource | 'none'
  /** The log line the numbers were read from, when they came from the log. */
  line: LogLine | undefined
  unread: readonly UnreadMetric[]
}

/** Deeper than this, or more values than this, is not a metrics object: the rest is left out. */
const maxDepth = 8
const maxValues = 500

/** `@10`, `10`, `at_10`, `k=10`, `top10`: a key that is only the cut-off of its family. */
const cutOffKey = /^\s*(?:@|at[_\s]?|k\s*=?\s*|top[_\s]?)?\s*(\d{1,6})\s*$/i

/** A number as text; tested only on short texts (`isNumberText`), so it cannot take long. */
const numberText = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/

function isNumberText(text: string): boolean {
  return text.length <= 64 && numberText.test(text)
}

type Collected = { values: MetricValue[]; unread: UnreadMetric[] }

/** The numbers in one value of any shape: flat, grouped by family, strings, JSON or Python text. */
export function readMetricValues(value: unknown, source: MetricSource): Collected {
  const collected: Collected = { values: [], unread: [] }
  collect(value, undefined, '', 0, source, collected)
  return collected
}

function collect(
  value: unknown,
  name: string | undefined,
  path: string,
  depth: number,
  source: MetricSource,
  into: Collected,
): void {
  if (into.values.length >= maxValues || depth > maxDepth) return
  const shownName = name ?? (path || 'evaluationMetrics')
  if (typeof value === 'number') {
    if (Number.isFinite(value)) {
      into.values.push({ key: metricKey(shownName), name: shownName, value, source, path })
    } else into.unread.push({ name: shownName, came: String(value), source, path })
    return
  }
  if (typeof value === 'string') {
    if (isNumberText(value)) return collect(Number(value), name, path, depth, source, into)
    const inner = literalIn(value)
    if (inner !== undefined) return collect(inner, name, path, depth + 1, source, into)
    into.unread.push({ name: shownName, came: value, source, path })
    return
  }
  if (Array.isArray(value)) {
    if (!value.every(isNamedValue)) {
      into.unread.push({ name: shownName, came: jsonText(value), source, path })
      return
    }
    for (const [index, item] of value.entries()) {
      const itemName = String(item.name ?? item.metric ?? item.key)
      collect(item.value ?? item.score, itemName, `${path}[${index}]`, depth + 1, source, into)
    }
    return
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // An empty key is shown as "", so that no two values share a path.
      const step = key === '' ? '""' : key
      collect(
        item,
        childName(name, key),
        path ? `${path} › ${step}` : step,
        depth + 1,
        source,
        into,
      )
    }
    return
  }
  if (name !== undefined) into.unread.push({ name: shownName, came: String(value), source, path })
}

/** `{ndcg: {"@10": …}}` is `ndcg@10`; `{NDCG: {mean: …}}` is `NDCG mean`; a full name stands alone. */
function childName(parent: string | undefined, key: string): string {
  if (parent === undefined) return key
  const cutOff = key.length <= 32 ? cutOffKey.exec(key) : null
  if (cutOff) return `${parent}@${cutOff[1]}`
  if (looksLikeMetric(key) || !looksLikeMetric(parent)) return key
  return `${parent} ${key}`
}

type NamedValue = {
  name?: unknown
  metric?: unknown
  key?: unknown
  value?: unknown
  score?: unknown
}

/** `[{name: "NDCG@10", value: 0.42}, …]`: a list of metrics, each named. */
function isNamedValue(item: unknown): item is NamedValue {
  if (typeof item !== 'object' || item === null) return false
  const named = item as NamedValue
  const label = named.name ?? named.metric ?? named.key
  return typeof label === 'string' && (named.value ?? named.score) !== undefined
}

/** A JSON or Python literal in a text: the whole text, or the first dict inside a sentence. */
function literalIn(text: string): unknown {
  const trimmed = text.trim()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown
    } catch {
      const literal = parsePythonLiteral(trimmed)
      if (literal !== undefined) return literal
    }
  }
  const brace = text.indexOf('{')
  return brace < 0 ? undefined : readPythonLiteral(text, brace)?.value
}

/** The longest log line read: a results dict is a few hundred characters. */
const longestLine = 20_000
/** Dicts tried in one line: the results are the first or second. */
const dictsPerLine = 4

/**
 * The walkthrough's way: the last log line holding a dict of retrieval metrics
 * (`{'mAP@1000': 0.31, 'NDCG@10': 0.42, …}`) among other text. A dict with no retrieval metric in
 * it (hyperparameters, a progress line) does not count.
 */
export function metricsInLog(
  lines: readonly LogLine[],
): { line: LogLine; collected: Collected } | undefined {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!
    const message =
      line.message.length > longestLine ? line.message.slice(0, longestLine) : line.message
    let brace = message.indexOf('{')
    for (let tried = 0; brace >= 0 && tried < dictsPerLine; tried++) {
      const read = readPythonLiteral(message, brace)
      if (read && typeof read.value === 'object' && read.value !== null) {
        const collected = readMetricValues(read.value, 'log')
        if (collected.values.some((metric) => isRetrievalMetric(metric.name)))
          return { line, collected }
      }
      brace = message.indexOf('{', brace + 1)
    }
  }
  return undefined
}

const noLog: readonly LogLine[] = []
const readings = new WeakMap<Evaluation, { lines: readonly LogLine[]; reading: MetricsReading }>()

/**
 * The metrics of an evaluation: describe's when it holds any number, else the log's (when the
 * log's lines are given). Remembered per evaluation and log, as both are immutable in the cache.
 */
export function evaluationMetrics(
  evaluation: Evaluation,
  logLines: readonly LogLine[] = noLog,
): MetricsReading {
  const kept = readings.get(evaluation)
  if (kept?.lines === logLines) return kept.reading
  const described =
    evaluation.evaluationMetrics === undefined
      ? { values: [], unread: [] }
      : readMetricValues(evaluation.evaluationMetrics, 'describe')
  const logged = described.values.length ? undefined : metricsInLog(logLines)
  const values = uniqueByKey(logged ? logged.collected.values : described.values)
  const reading: MetricsReading = {
    values,
    byKey: new Map(values.map((metric) => [metric.key, metric])),
    source: values.length ? (logged ? 'log' : 'describe') : 'none',
    line: logged?.line,
    unread: [...described.unread, ...(logged?.collected.unread ?? [])],
  }
  readings.set(evaluation, { lines: logLines, reading })
  return reading
}

/**
 * Each key once. When one comes twice (the same metric for two directions, say
 * `image_to_text › NDCG@10` and `text_to_image › NDCG@10`), each is named by its whole path, the
 * first keeps the key (it is the one compared), and the others are kept under their path.
 */
function uniqueByKey(values: readonly MetricValue[]): MetricValue[] {
  const counts = new Map<string, number>()
  for (const metric of values) counts.set(metric.key, (counts.get(metric.key) ?? 0) + 1)
  if (counts.size === values.length) return [...values]
  const seen = new Set<string>()
  return values.map((metric, index) => {
    if (counts.get(metric.key) === 1) return metric
    const name = metric.path.includes(' › ') ? metric.path : metric.name
    let key = seen.has(metric.key) ? `${metric.key} (${metric.path})` : metric.key
    // Paths are unique; this only guards the promise that keys are.
    if (seen.has(key)) key = `${key} #${index}`
    seen.add(key)
    return { ...metric, name, key }
  })
}

/**
 * Whether the numbers must be looked for in the log: describe holds none. The screen then
 * fetches the evaluation's log and passes its lines to `evaluationMetrics`.
 */
export function metricsNeedLog(evaluation: Evaluation): boolean {
  return evaluationMetrics(evaluation).source === 'none'
}
