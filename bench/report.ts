/** The benchmark's figures: which rows the report has, and how a sample becomes one number. */
function quantile(values: number[], q: number): number {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

export const rows: Array<{
  key: string
  label: string
  stat: 'median' | 'p95' | 'value'
  unit: string
}> = [
  { key: 'parse', label: 'response → JSON parsed', stat: 'median', unit: 'ms' },
  { key: 'validate', label: 'JSON parsed → models validated', stat: 'median', unit: 'ms' },
  { key: 'firstPaint', label: 'validated → first rows painted', stat: 'median', unit: 'ms' },
  {
    key: 'warmUp',
    label: 'first rows painted → search and name sort indexed (while idle)',
    stat: 'median',
    unit: 'ms',
  },
  { key: 'keystroke', label: 'keystroke → rows painted (median)', stat: 'median', unit: 'ms' },
  { key: 'keystroke', label: 'keystroke → rows painted (p95)', stat: 'p95', unit: 'ms' },
  { key: 'typingLongTasks', label: 'long tasks while typing 20 keys', stat: 'value', unit: '' },
  { key: 'facet', label: 'status filter → rows painted (median)', stat: 'median', unit: 'ms' },
  { key: 'facet', label: 'status filter → rows painted (p95)', stat: 'p95', unit: 'ms' },
  { key: 'sortText', label: 'sort by name → painted (median)', stat: 'median', unit: 'ms' },
  { key: 'sortText', label: 'sort by name → painted (p95)', stat: 'p95', unit: 'ms' },
  { key: 'sortNumber', label: 'sort by a number → painted (median)', stat: 'median', unit: 'ms' },
  { key: 'sortNumber', label: 'sort by a number → painted (p95)', stat: 'p95', unit: 'ms' },
  {
    key: 'scrollLongTasks',
    label: 'long tasks scrolling top to bottom',
    stat: 'value',
    unit: '',
  },
  { key: 'scrollDropped', label: 'dropped frames scrolling (of 120)', stat: 'value', unit: '' },
  { key: 'heap', label: 'JS heap after load', stat: 'value', unit: 'MB' },
]

export function stat(values: number[] | undefined, kind: 'median' | 'p95' | 'value'): number {
  if (!values?.length) return Number.NaN
  return kind === 'p95' ? quantile(values, 0.95) : quantile(values, 0.5)
}

export function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a'
  const text =
    unit === 'MB'
      ? value.toFixed(1)
      : unit === 'kB'
        ? Math.round(value / 1000).toLocaleString('en')
        : unit === 'score'
          ? value.toFixed(3)
          : Math.round(value).toString()
  return unit && unit !== 'score' ? `${text} ${unit}` : text
}

/** The cold-start table: one row per figure of bench/cold-start.ts. */
export const coldRows: Array<{ key: string; label: string; unit: string }> = [
  { key: 'usable', label: 'navigation → first screen usable', unit: 'ms' },
  { key: 'toRows', label: 'key entered → first rows painted', unit: 'ms' },
  { key: 'bytes', label: 'bytes transferred up to the first rows', unit: 'kB' },
  { key: 'lcp', label: 'largest contentful paint', unit: 'ms' },
  { key: 'tbt', label: 'total blocking time (first contentful paint → rows)', unit: 'ms' },
  { key: 'cls', label: 'cumulative layout shift', unit: 'score' },
]
