import { isRecord, listIn } from './envelope'

/** Reads a JSON answer as its text arrives (`getJson`'s `reader` option). */
export type BodyReader = {
  /** The next piece of the decoded text, in order. */
  push(text: string): void
  /** The whole text as JSON: what `JSON.parse(whole)` gives, and throws. */
  parse(whole: string): unknown
  /** Whether `parse` found nothing left to read at the end, so there is no reading to show. */
  readonly done: boolean
}

/**
 * Reads the list of an answer (`listIn(json, field)`: a bare array, or the array under `field`,
 * either way possibly inside the `{statusCode, body}` envelope) while the text still arrives:
 * each piece's complete items are parsed by `JSON.parse` and handed to `onItems` in order, so
 * that after the last byte only the last few items and the text around the list are left to
 * read. A list of 10,000 models is 5 MB of JSON, about 60 ms of parsing and checking that no
 * longer follow the download but happen during it (docs/decisions/0010).
 *
 * `parse` checks the result against the whole text: the text around the list is parsed with a
 * marker in the list's place, and the marker must be where `listIn` looks. Anything else (the
 * list in a `body` that is itself a JSON string, a repeated key, a text that is not JSON, an
 * error in this reader) ends the streaming, and `parse` is `JSON.parse` of the whole text:
 * `streamed(json)` then says no, and the caller reads the list from the JSON as before.
 */
export function listStream(field: string, onItems: (items: unknown[]) => void) {
  let phase: 'seek' | 'list' | 'after' | 'off' = 'seek'
  // Before the list: its text, scanned with the containers and keys on the way to it.
  let head = ''
  let scanned = 0
  const containers: Array<{ array: boolean; key: string | undefined; expectKey: boolean }> = []
  let path: string[] = []
  // In the list: the text since the last complete item, and where the scan is in it.
  let pending = ''
  let depth = 0
  let inString = false
  let afterComma = false
  let tail: string[] = []
  let items: unknown[] = []
  const marker = `list-stream ${Math.random()}`

  /** The list's path if `[` at this point of the head opens it, else undefined. */
  function listAt(): string[] | undefined {
    const top = containers.at(-1)
    if (!top) return []
    if (top.array || top.key !== field) return undefined
    if (containers.length === 1) return [field]
    if (containers.length === 2 && containers[0]!.key === 'body') return ['body', field]
    return undefined
  }

  /** Scans the head from `scanned`: returns where the list's `[` is, or -1 for not yet. */
  function seek(): number {
    for (let at = scanned; at < head.length; at++) {
      const char = head[at]
      const top = containers.at(-1)
      if (char === '"') {
        const end = stringEnd(head, at + 1)
        if (end < 0) {
          scanned = at
          return -1
        }
        if (top && !top.array && top.expectKey) {
          const key: unknown = JSON.parse(head.slice(at, end + 1))
          top.key = String(key)
        }
        at = end
      } else if (char === '{' || char === '[') {
        if (char === '[') {
          const found = listAt()
          if (found) {
            path = found
            return at
          }
        }
        containers.push({ array: char === '[', key: undefined, expectKey: char === '{' })
        // Nothing below the second level can hold the list: skip such a container whole.
        if (containers.length > 2) {
          const end = containerEnd(head, at)
          if (end < 0) {
            containers.pop()
            scanned = at
            return -1
          }
          containers.pop()
          at = end
        }
      } else if (char === '}' || char === ']') {
        containers.pop()
        if (containers.length === 0) throw new Error('the answer ended before any list')
      } else if (char === ':') {
        if (top) top.expectKey = false
      } else if (char === ',') {
        if (top && !top.array) {
          top.expectKey = true
          top.key = undefined
        }
      }
    }
    scanned = head.length
    return -1
  }

  /** Scans the list's new text: hands on the complete items, and says where the list ended. */
  function scanList(text: string) {
    const start = pending.length
    pending += text
    let cut = -1
    let end = -1
    for (let at = start; at < pending.length; at++) {
      const char = pending.charCodeAt(at)
      if (inString) {
        // Most of a list is text: jump to its next quote, and read on if a backslash escapes it.
        const next = pending.indexOf('"', at)
        if (next < 0) break
        at = next
        if (!escapedAt(pending, next)) inString = false
      } else if (char === quote) {
        inString = true
      } else if (char === openBrace || char === openBracket) {
        depth++
      } else if (char === closeBrace || char === closeBracket) {
        if (depth === 0) {
          end = at
          break
        }
        depth--
      } else if (char === comma && depth === 0) {
        cut = at
      }
    }
    const last = end >= 0 ? end : cut
    if (last < 0) return
    const complete = pending.slice(0, last)
    if (complete.trim()) {
      const parsed: unknown = JSON.parse(`[${complete}]`)
      if (!Array.isArray(parsed)) throw new SyntaxError('not a list')
      for (const item of parsed) items.push(item)
      onItems(parsed)
    } else if (end < 0 || afterComma) {
      // `[,`, `,,` or `,]`: not JSON. The whole text's JSON.parse will say so.
      throw new SyntaxError('an empty item in the list')
    }
    if (end >= 0) {
      tail = [pending.slice(end)]
      pending = ''
      phase = 'after'
    } else {
      pending = pending.slice(last + 1)
      afterComma = true
    }
  }

  function stop() {
    phase = 'off'
    head = ''
    pending = ''
    tail = []
    items = []
  }

  const reader = {
    push(text: string) {
      try {
        if (phase === 'seek') {
          head += text
          // The list comes first in every answer seen; a long text before it is not looked into.
          if (head.length > seekLimit) throw new Error('no list near the start')
          const open = seek()
          if (open < 0) return
          const rest = head.slice(open + 1)
          head = head.slice(0, open + 1)
          phase = 'list'
          scanList(rest)
        } else if (phase === 'list') {
          scanList(text)
        } else if (phase === 'after') {
          tail.push(text)
        }
      } catch {
        stop()
      }
    },
    parse(whole: string): unknown {
      if (phase === 'after') {
        try {
          const json: unknown = JSON.parse(`${head}${JSON.stringify(marker)}${tail.join('')}`)
          const holder = path.length === 0 ? undefined : valueAt(json, path.slice(0, -1))
          const list = path.length === 0 ? json : holder?.[field]
          if (Array.isArray(list) && list.length === 1 && list[0] === marker) {
            const result = holder ? json : items
            if (holder) holder[field] = items
            if (listIn(result, field) === items) {
              streamedList = items
              return result
            }
          }
        } catch {
          // Not as expected: the whole text decides, below.
        }
      }
      stop()
      return JSON.parse(whole) as unknown
    },
    get done() {
      return phase === 'after'
    },
  } satisfies BodyReader
  let streamedList: unknown[] | undefined
  return {
    reader,
    /** Whether `json` (what `reader.parse` gave) holds the list whose items `onItems` had. */
    streamed: (json: unknown) => streamedList !== undefined && listIn(json, field) === streamedList,
  }
}

/** How far into the text the list's start is looked for. */
const seekLimit = 64 * 1024

const quote = 34
const backslash = 92
const comma = 44
const openBrace = 123
const closeBrace = 125
const openBracket = 91
const closeBracket = 93

/** Whether the `"` at `at` is escaped: an odd number of backslashes right before it. */
function escapedAt(text: string, at: number): boolean {
  let backslashes = 0
  while (text.charCodeAt(at - 1 - backslashes) === backslash) backslashes++
  return backslashes % 2 === 1
}

/** The index of the `"` that ends the string whose text starts at `from`, or -1 if not yet in. */
function stringEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if (text[at] === '\\') at++
    else if (text[at] === '"') return at
  }
  return -1
}

/** The index of the bracket that closes the container opening at `open`, or -1 if not yet in. */
function containerEnd(text: string, open: number): number {
  let level = 0
  for (let at = open; at < text.length; at++) {
    const char = text[at]
    if (char === '"') {
      at = stringEnd(text, at + 1)
      if (at < 0) return -1
    } else if (char === '{' || char === '[') {
      level++
    } else if (char === '}' || char === ']') {
      level--
      if (level === 0) return at
    }
  }
  return -1
}

function valueAt(json: unknown, path: string[]): Record<string, unknown> | undefined {
  let value = json
  for (const key of path) {
    if (!isRecord(value)) return undefined
    value = value[key]
  }
  return isRecord(value) ? value : undefined
}
