const prefix = 'marqtune-dashboard.preference.'

/**
 * Display preferences that outlive the tab, kept in localStorage: these three and nothing else.
 * Nothing secret ever goes here: the API key has its own sessionStorage store.
 */
type Preferences = {
  /** Ids of the visible columns (hyperparameter columns are named after their keys). */
  columns: readonly string[]
  density: 'compact' | 'comfortable'
  theme: 'light' | 'dark'
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
