import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

/** What the upstream answered, before anything of it is trusted: any status, any headers. */
export type UpstreamAnswer = {
  status: number
  header: (name: string) => string | undefined
  body: ReadableStream<Uint8Array>
}

/** What the forwarder may send upstream: reads, and the two documented actions (no body). */
export type UpstreamMethod = 'GET' | 'POST' | 'DELETE'

/**
 * Sends one request (a GET unless told otherwise) upstream with exactly `headers` and, for a POST
 * that has one, `body` (its length declared), and resolves once the status and headers are in.
 * Rejects when the upstream cannot be reached, answers what HTTP cannot parse, or `signal`
 * aborts; an abort later ends the body too. Never sends anything twice.
 */
export type UpstreamSend = (
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  method?: UpstreamMethod,
  body?: Uint8Array<ArrayBuffer>,
) => Promise<UpstreamAnswer>

/**
 * Kept-alive connections: a TLS handshake to Marqtune per request would cost more than the ask.
 * One idle this long is closed by us, before the 5 s after which a Node server (the emulator
 * among them) closes its side: a request sent on a connection the upstream is closing at that
 * moment fails ("socket hang up"). Node 20's agent heeds a `Keep-Alive: timeout` hint only below
 * its own timeout, and without one keeps an idle connection for ever. A request in progress is
 * not cut by it, however long the upstream takes.
 */
export const idleUpstreamMs = 4_000

/**
 * node:http rather than fetch: fetch adds `accept-language`, `sec-fetch-mode`, `user-agent` and
 * `accept-encoding` of its own, and only the headers we name may go upstream (node adds `host`
 * and `connection`, which the transport needs). No `accept-encoding` is sent: an answer comes
 * back as it is stored, so its length and the size limit mean the same thing.
 */
export const nodeSend: UpstreamSend = nodeSender(idleUpstreamMs)

/**
 * `nodeSend` with kept-alive connections of its own, closed once idle for `idleMs`: a test
 * shortens it rather than wait seconds for a connection to go.
 */
export function nodeSender(idleMs: number): UpstreamSend {
  const agents = {
    http: new HttpAgent({ keepAlive: true, timeout: idleMs }),
    https: new HttpsAgent({ keepAlive: true, timeout: idleMs }),
  }
  return (url, headers, signal, method = 'GET', body) =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:'
      const send = secure ? httpsRequest : httpRequest
      const request = send(url, {
        method,
        // A POST or DELETE says outright how long its body is (none: 0), rather than node's
        // chunked default.
        headers:
          method === 'GET'
            ? headers
            : { ...headers, 'content-length': String(body?.byteLength ?? 0) },
        agent: secure ? agents.https : agents.http,
        signal,
      })
      // Stays attached for the whole exchange: an error after the answer began must not crash.
      request.on('error', reject)
      request.on('upgrade', (_response, socket) => {
        socket.destroy()
        reject(new Error('The upstream switched protocols'))
      })
      request.on('response', (response) => {
        resolve({
          status: response.statusCode ?? 0,
          header: (name) => {
            const value = response.headers[name]
            return Array.isArray(value) ? value.join(', ') : value
          },
          body: bodyOf(response),
        })
      })
      request.end(body)
    })
}

/** The body as a web stream that reads from the upstream only as fast as it is read itself. */
function bodyOf(response: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        response.on('data', (chunk: Buffer) => {
          if (!open) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) response.pause()
        })
        response.on('end', () => {
          if (open) controller.close()
          open = false
        })
        // A reset, a body shorter than declared, an abort: all end here, never as a clean end.
        response.on('close', () => {
          if (open) controller.error(new Error('The upstream closed its answer early'))
          open = false
        })
        response.on('error', () => {})
        response.pause()
      },
      pull() {
        response.resume()
      },
      cancel() {
        open = false
        response.destroy()
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  )
}
