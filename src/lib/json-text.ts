/**
 * How deep JSON text is drawn. Real hyperparameters nest a few levels; a service that sends
 * thousands (JSON.stringify throws past about 10,000) must not take the page down with it.
 */
export const jsonDepthLimit = 100

/** Any value as JSON text, for people to read. Never throws: past `maxDepth` levels it says so. */
export function jsonText(value: unknown, indent?: number, maxDepth = jsonDepthLimit): string {
  try {
    return JSON.stringify(value, null, indent) ?? String(value)
  } catch {
    // Too deep for JSON.stringify (a cycle cannot come from JSON): draw it cut at `maxDepth`.
    const note = `[nested more than ${maxDepth} levels deep: left out]`
    return JSON.stringify(capDepth(value, maxDepth, note), null, indent) ?? String(value)
  }
}

/** A copy of `value` whose objects and arrays below `maxDepth` levels are replaced by `note`. */
export function capDepth(value: unknown, maxDepth: number, note: string): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (maxDepth <= 0) return note
  if (Array.isArray(value)) return value.map((item) => capDepth(item, maxDepth - 1, note))
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, capDepth(item, maxDepth - 1, note)]),
  )
}
