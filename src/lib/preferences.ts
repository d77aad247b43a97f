const prefix = 'marqtune-dashboard.preference.'

/**
 * Display preferences that outlive the tab (columns, density), kept in localStorage. Nothing
 * secret ever goes here: the API key has its own sessionStorage store.
 */
export function readPreference<T>(
  name: string,
  accept: (value: unknown) => value is T,
): T | undefined {
  try {
    const text = window.localStorage.getItem(prefix + name)
    if (text === null) return undefined
    const value: unknown = JSON.parse(text)
    return accept(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function writePreference(name: string, value: unknown): void {
  try {
    if (value === undefined) window.localStorage.removeItem(prefix + name)
    else window.localStorage.setItem(prefix + name, JSON.stringify(value))
  } catch {
    // Storage refused (private mode, quota): the preference lasts for this page only.
  }
}
