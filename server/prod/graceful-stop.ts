import type { ServerType } from '@hono/node-server'

type StopOptions = {
  /** The longest requests in flight may still take; then their connections are closed. */
  graceMs: number
  log: (line: string) => void
}

/**
 * On SIGTERM (a container or service manager stopping us) or SIGINT (Ctrl+C): stop accepting
 * connections, let the requests in flight finish, then exit 0. Without this, Node dies at once
 * and every answer in flight is cut, a 53 MB list halfway included. A second signal exits now.
 */
export function stopOnSignals(server: ServerType, { graceMs, log }: StopOptions) {
  let inFlight = 0
  let stopping = false
  // Keep-alive connections with nothing in flight would otherwise hold close() open.
  const closeIdle = () => {
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }
  server.on('request', (_request, response: NodeJS.EventEmitter) => {
    inFlight++
    response.once('close', () => {
      inFlight--
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
    log(
      `${signal}: stopping. No new connections; waiting up to ${graceMs / 1000} s for ${inFlight} request(s) in flight.`,
    )
    server.close(() => {
      log('Stopped.')
      process.exit(0)
    })
    closeIdle()
    setTimeout(() => {
      log(`${inFlight} request(s) still in flight after ${graceMs / 1000} s: closing them.`)
      if ('closeAllConnections' in server) server.closeAllConnections()
      process.exit(0)
    }, graceMs).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
