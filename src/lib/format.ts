import { jsonText } from './json-text'

/** `5400` -> `1 h 30 min`; whole units only, largest first, seconds shown only below an hour. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds)
  if (seconds < 60) return `${seconds} s`
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = seconds % 60
  const parts: string[] = []
  if (hours) parts.push(`${hours} h`)
  if (minutes) parts.push(`${minutes} min`)
  if (!hours && rest) parts.push(`${rest} s`)
  return parts.join(' ')
}

/** The first block of a UUID is enough to tell models apart at a glance. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id
}

/** "12,345". One formatter for all: toLocaleString builds a new one on every call. */
const counts = new Intl.NumberFormat('en')
export function formatCount(count: number): string {
  return counts.format(count)
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/**
 * Any JSON value on one line: small floats in exponent form as written in configs (`2e-5`),
 * arrays as `[a, b]`, objects as compact JSON.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'number') {
    return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value)
  }
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`
  return jsonText(value)
}

/** How long ago a moment was, in the largest whole unit: `just now`, `12 s ago`, `3 min ago`. */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000))
  if (seconds < 5) return 'just now'
  if (seconds < 60) return `${seconds} s ago`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  return `${Math.floor(seconds / 3600)} h ago`
}

/** "830 kB", "53.3 MB": decimal units, as download sizes are usually given. */
export function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`
}

const metricDigits = new Intl.NumberFormat('en', {
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
})
const largeMetric = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 })

/** A metric as compared: four decimals (`0.4521`), so a column lines up; `1.2e-7`, `12,345.6`. */
export function formatMetric(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(1)
  return Math.abs(value) >= 1000 ? largeMetric.format(value) : metricDigits.format(value)
}

/** A difference with its sign: `+0.0312`, `−0.0104` (a true minus), `±0.0000` for none. */
export function formatSigned(value: number): string {
  const text = formatMetric(Math.abs(value))
  if (value === 0 || /^[0.]+$/.test(text)) return `±${formatMetric(0)}`
  return `${value > 0 ? '+' : '−'}${text}`
}
