import { readAhead, readOneMore, type BodyLimits, type ReadAhead } from './upstream-body'

const openBrace = 0x7b
const openBracket = 0x5b
const whitespace = new Set([0x20, 0x09, 0x0a, 0x0d])
const byteOrderMark = [0xef, 0xbb, 0xbf]

/**
 * The start of an upstream body, read ahead (`readAhead`) and, for one not labelled as JSON, on
 * until it says whether it is JSON all the same; `undefined` when it is not (no more is read).
 * Throws a BodyFailure as `readAhead` does.
 */
export async function readJsonStart(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  { labelledJson, wanted }: { labelledJson: boolean; wanted: { bytes: number; withinMs: number } },
  limits: BodyLimits,
): Promise<ReadAhead | undefined> {
  const start = await readAhead(reader, wanted, limits)
  let json = labelledJson || isJsonBody(start)
  while (json === undefined) {
    await readOneMore(reader, start, limits)
    json = isJsonBody(start)
  }
  if (json) return start
  await reader.cancel().catch(() => {})
  return undefined
}

/**
 * Whether an upstream body that was not labelled as JSON is JSON all the same (gateways label it
 * `text/plain`), from what was read ahead: a body read whole must parse; a longer one must open
 * as an object or an array does (a model list, 55 MB of it, is never read whole before it is
 * passed on). `undefined`: nothing but white space has come yet, read on.
 */
function isJsonBody(start: ReadAhead): boolean | undefined {
  if (start.done) return parses(start.chunks)
  const first = firstSignificantByte(start.chunks)
  return first === undefined ? undefined : first === openBrace || first === openBracket
}

function parses(chunks: readonly Uint8Array[]): boolean {
  try {
    // As the browser reads it: UTF-8, a byte order mark dropped.
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)))
    return true
  } catch {
    return false
  }
}

function firstSignificantByte(chunks: readonly Uint8Array[]): number | undefined {
  let at = 0
  for (const chunk of chunks) {
    for (const byte of chunk) {
      const inMark = at < byteOrderMark.length && byte === byteOrderMark[at]
      at++
      if (!inMark && !whitespace.has(byte)) return byte
    }
  }
  return undefined
}
