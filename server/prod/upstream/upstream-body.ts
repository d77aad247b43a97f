type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>

/** Why an upstream body could not be passed on whole. */
export class BodyFailure extends Error {
  override readonly name = 'BodyFailure'
  constructor(
    readonly reason: 'silent' | 'cut' | 'too-large',
    readonly bytes: number,
  ) {
    super(`upstream body ${reason} after ${bytes} bytes`)
  }
}

export type BodyLimits = {
  /** How long the upstream may stay silent while more of its body is wanted. */
  idleTimeoutMs: number
  maxBodyBytes: number
}

type Pending = Promise<ReadResult>

/**
 * The next chunk, if the upstream sends one within the idle limit. The clock only runs while
 * someone is waiting for data, so a browser that reads slowly never trips it. A read already
 * under way (`pending`) is awaited rather than a new one started.
 */
async function nextChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limits: BodyLimits,
  bytes: number,
  pending: Pending = reader.read(),
): Promise<ReadResult> {
  let timer: NodeJS.Timeout | undefined
  const silence = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new BodyFailure('silent', bytes)), limits.idleTimeoutMs)
  })
  try {
    return await Promise.race([pending, silence])
  } catch (error) {
    await reader.cancel().catch(() => {})
    throw error instanceof BodyFailure ? error : new BodyFailure('cut', bytes)
  } finally {
    clearTimeout(timer)
  }
}

export type ReadAhead = {
  chunks: Uint8Array[]
  bytes: number
  done: boolean
  /** The read still under way when time for reading ahead ran out. */
  pending?: Pending
}

/**
 * Reads until the body ends, `wanted` bytes are in or `withinMs` have passed. A body that fails
 * this early can still be answered with a JSON error, since nothing has gone to the browser yet;
 * most answers (one model, its logs, a download URL) are whole by then. The time limit keeps a
 * slow body's progress visible to the browser from early on.
 */
export async function readAhead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  wanted: { bytes: number; withinMs: number },
  limits: BodyLimits,
): Promise<ReadAhead> {
  const chunks: Uint8Array[] = []
  let bytes = 0
  const started = performance.now()
  while (bytes < wanted.bytes) {
    const pending = reader.read()
    const left = wanted.withinMs - (performance.now() - started)
    const outcome = await Promise.race([
      pending.then(
        () => 'read' as const,
        () => 'read' as const,
      ),
      delay(Math.min(left, limits.idleTimeoutMs)),
    ])
    if (outcome === 'late' && limits.idleTimeoutMs < left) {
      await reader.cancel().catch(() => {})
      throw new BodyFailure('silent', bytes)
    }
    if (outcome === 'late') return { chunks, bytes, done: false, pending }
    const { done, value } = await nextChunk(reader, limits, bytes, pending)
    if (done) return { chunks, bytes, done: true }
    bytes += value.byteLength
    if (bytes > limits.maxBodyBytes) {
      await reader.cancel().catch(() => {})
      throw new BodyFailure('too-large', bytes)
    }
    chunks.push(value)
  }
  return { chunks, bytes, done: false }
}

/**
 * One more chunk onto what was read ahead (the read under way first), within the idle and size
 * limits: for deciding what a body is when its first part told nothing yet.
 */
export async function readOneMore(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  start: ReadAhead,
  limits: BodyLimits,
): Promise<void> {
  const pending = start.pending
  start.pending = undefined
  const { done, value } = await nextChunk(reader, limits, start.bytes, pending)
  if (done) {
    start.done = true
    return
  }
  start.bytes += value.byteLength
  if (start.bytes > limits.maxBodyBytes) {
    await reader.cancel().catch(() => {})
    throw new BodyFailure('too-large', start.bytes)
  }
  start.chunks.push(value)
}

async function delay(ms: number): Promise<'late'> {
  if (ms <= 0) return 'late'
  return new Promise((resolve) => setTimeout(resolve, ms, 'late').unref())
}

/**
 * The rest of a body after its read-ahead, pulled only as fast as the browser takes it. A body
 * that goes silent, breaks off or grows past the limit errors the stream: the connection to the
 * browser is then broken, so it never sees a complete-looking answer with half a JSON document.
 */
export function restOfBody(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  start: ReadAhead,
  limits: BodyLimits,
  onEnd: () => void,
): ReadableStream<Uint8Array> {
  let bytes = start.bytes
  let ended = false
  const end = () => {
    if (!ended) onEnd()
    ended = true
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        for (const chunk of start.chunks) controller.enqueue(chunk)
      },
      async pull(controller) {
        const pending = start.pending
        start.pending = undefined
        try {
          const { done, value } = await nextChunk(reader, limits, bytes, pending)
          if (done) {
            end()
            controller.close()
            return
          }
          bytes += value.byteLength
          if (bytes > limits.maxBodyBytes) throw new BodyFailure('too-large', bytes)
          controller.enqueue(value)
        } catch (error) {
          end()
          await reader.cancel().catch(() => {})
          controller.error(error)
        }
      },
      async cancel() {
        end()
        await reader.cancel().catch(() => {})
      },
    },
    { highWaterMark: 0 },
  )
}
