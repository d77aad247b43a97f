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
