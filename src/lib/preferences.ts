import { useState } from 'react'

const prefix = 'marqtune-dashboard.preference.'

export type Density = 'compact' | 'comfortable'
export type Theme = 'light' | 'dark'

export const isDensity = (value: unknown): value is Density =>
  value === 'compact' || value === 'comfortable'
export const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark'
/** A metric key as kept: short text, never anything else. */
export const isMetricKey = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200

/**
 * Display preferences that outlive the tab, kept in localStorage: these five and nothing else.
 * Nothing secret ever goes here: the API key has its own sessionStorage store.
 */
type Preferences = {
  /** Ids of the visible columns (hyperparameter columns are named after their keys). */
  columns: readonly string[]
  /** Column widths the reader chose, in pixels, by column id. */
  columnWidths: Readonly<Record<string, number>>
  density: Density
  theme: Theme
  /** The metric the best checkpoint is chosen by: its key (`ndcg@10`). */
  bestMetric: string
}

export function readPreference<K extends keyof Preferences>(
  name: K,
  accept: (value: unknown) => value is Preferences[K],
): Preferences[K] | undefined {
  try {
    const text = window.localStorage.getItem(prefix + name)
    if (text === null) return undefined
    const value: unknown = JSON.parse(text)
    return accept(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function writePreference<K extends keyof Preferences>(
  name: K,
  value: Preferences[K] | undefined,
): void {
  try {
    if (value === undefined) window.localStorage.removeItem(prefix + name)
    else window.localStorage.setItem(prefix + name, JSON.stringify(value))
  } catch {
    // Storage refused (private mode, quota): the preference lasts for this page only.
  }
}

/** A preference as state: read once, and written whenever it is set. */
export function usePreference<K extends keyof Preferences>(
  name: K,
  accept: (value: unknown) => value is Preferences[K],
  fallback: Preferences[K],
): [Preferences[K], (value: Preferences[K]) => void] {
  const [value, setValue] = useState(() => readPreference(name, accept) ?? fallback)
  return [
    value,
    (next) => {
      setValue(next)
      writePreference(name, next)
    },
  ]
}
