import type { ServerType } from '@hono/node-server'
import type { ServerResponse } from 'node:http'

type StopOptions = {
  /** The longest requests in flight may still take; then their connections are closed. */
  graceMs: number
  log: (line: string) => void
  /** Just before the forced close: write what the access log still owes (OpenRequests). */
  beforeForcedClose?: () => void
}

/**
 * On SIGTERM (a container or service manager stopping us) or SIGINT (Ctrl+C): stop accepting
 * connections, let the requests in flight finish, then exit 0. Without this, Node dies at once
 * and every answer in flight is cut, a 53 MB list halfway included. A second signal exits now.
 *
 * Once stopping, every answer not yet begun says `Connection: close`: a client that kept the
 * connection alive would otherwise send its next request on a socket about to be closed, and
 * see a reset instead of a refused connection it can retry elsewhere.
 */
export function stopOnSignals(
  server: ServerType,
  { graceMs, log, beforeForcedClose }: StopOptions,
) {
  const inFlight = new Set<ServerResponse>()
  let stopping = false
  // Keep-alive connections with nothing in flight would otherwise hold close() open.
  const closeIdle = () => {
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response)
    if (stopping) lastOnItsConnection(response)
    response.once('close', () => {
      inFlight.delete(response)
      // The connection it leaves open is idle now, and nothing new may use it.
      if (stopping) setImmediate(closeIdle)
    })
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting.`)
      process.exit(1)
    }
    stopping = true
    inFlight.forEach(lastOnItsConnection)
    log(
      `${signal}: stopping. No new connections; waiting up to ${graceMs / 1000} s for ${inFlight.size} request(s) in flight.`,
    )
    server.close(() => {
      log('Stopped.')
      process.exit(0)
    })
    closeIdle()
    setTimeout(() => {
      log(`${inFlight.size} request(s) still in flight after ${graceMs / 1000} s: closing them.`)
      beforeForcedClose?.()
      if ('closeAllConnections' in server) server.closeAllConnections()
      process.exit(0)
    }, graceMs).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

/** An answer not yet begun closes its connection after it. */
function lastOnItsConnection(response: ServerResponse) {
  if (!response.headersSent) response.setHeader('connection', 'close')
}
