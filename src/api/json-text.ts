const tooDeep = '(a value nested too deeply to show as text)'

/**
 * Any value as JSON text, for people to read. Never throws: a value nested too deeply for
 * `JSON.stringify` (thousands of levels) gets a sentence instead.
 */
export function jsonText(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent) ?? String(value)
  } catch {
    return tooDeep
  }
}
