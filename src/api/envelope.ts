/**
 * The Marqtune docs show bodies wrapped as `{statusCode, body}` (an AWS Lambda proxy result)
 * while the official client reads them bare; a Lambda `body` may also still be a JSON string.
 * Accept all three. The HTTP status decides success, never the `statusCode` field.
 */
export function unwrapEnvelope(json: unknown): unknown {
  if (!isRecord(json) || !('statusCode' in json) || !('body' in json)) return json
  const { body } = json
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body) as unknown
  } catch {
    return body
  }
}

/** The `message` of an error body, at the top level or inside the envelope. */
export function messageOf(json: unknown): string | undefined {
  const payload = unwrapEnvelope(json)
  for (const candidate of [payload, json]) {
    if (isRecord(candidate) && typeof candidate.message === 'string' && candidate.message.trim()) {
      return candidate.message.trim()
    }
  }
  return undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The list in an answer: a bare array, or the array under `field` (`{models: [...]}`), either way
 * possibly inside the envelope; undefined when there is none. */
export function listIn(json: unknown, field: string): unknown[] | undefined {
  const payload = unwrapEnvelope(json)
  if (Array.isArray(payload)) return payload
  const list = isRecord(payload) ? payload[field] : undefined
  return Array.isArray(list) ? list : undefined
}

/**
 * The list in an answer whose wrapper is not settled: a bare array, the array under the first of
 * `fields` that holds one, or else the only array property of the object; either way possibly
 * inside the envelope. Undefined when there is none, or several and none of them named.
 */
export function anyListIn(json: unknown, fields: readonly string[]): unknown[] | undefined {
  const payload = unwrapEnvelope(json)
  if (Array.isArray(payload)) return payload
  if (!isRecord(payload)) return undefined
  for (const field of fields) {
    const list = payload[field]
    if (Array.isArray(list)) return list
  }
  let only: unknown[] | undefined
  for (const key in payload) {
    const value = payload[key]
    if (!Array.isArray(value)) continue
    if (only) return undefined
    only = value
  }
  return only
}

/**
 * The entry in a describe answer, inside the envelope or not: the object itself when it has
 * `idField`, or else the object under `field` (`{evaluation: {...}}`) when there is one.
 */
export function entryIn(json: unknown, field: string, idField: string): unknown {
  const payload = unwrapEnvelope(json)
  if (!isRecord(payload) || idField in payload) return payload
  const inner = payload[field]
  return isRecord(inner) ? inner : payload
}
