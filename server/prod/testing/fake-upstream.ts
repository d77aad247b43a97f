import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { connect, type Server } from 'node:net'

import type { ServerEnv } from '../context'

export type Reply = {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer
  /**
   * `hang`: never answer; `cut`: send half the body, then drop the connection; `stall`: send the
   * headers and half the body, then fall silent with the connection open; `reset`: drop the
   * connection before answering; `garbage`: answer something that is not HTTP.
   */
  misbehave?: 'hang' | 'cut' | 'stall' | 'reset' | 'garbage'
}

export type SeenRequest = {
  method: string
  url: string
  headers: IncomingHttpHeaders
  /** The request's body as text: empty for one sent without. */
  body: string
  closedEarly: boolean
}

/** A stand-in for the Marqtune API, in a few lines of node:http, that records what reached it. */
export async function startFakeUpstream() {
  const seen: SeenRequest[] = []
  const state: { reply: Reply } = { reply: { status: 200 } }
  const server = createServer((request, response) => {
    const record = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: '',
      closedEarly: false,
    }
    seen.push(record)
    response.on('close', () => (record.closedEarly = !response.writableFinished))
    // Answered once the whole request is in, so a test reads the body it was sent.
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      record.body = Buffer.concat(chunks).toString('utf8')
      answer(request, response)
    })
  })

  function answer(request: IncomingMessage, response: ServerResponse) {
    const reply = state.reply
    if (reply.misbehave === 'hang') return
    if (reply.misbehave === 'reset') {
      request.socket.destroy()
      return
    }
    if (reply.misbehave === 'garbage') {
      request.socket.end('SMTP READY\r\n\r\n')
      return
    }
    const body = reply.body ?? '{"models":[]}'
    response.writeHead(reply.status, reply.headers ?? { 'content-type': 'application/json' })
    if (reply.misbehave === 'cut' || reply.misbehave === 'stall') {
      response.write(body.slice(0, Math.floor(body.length / 2)))
      if (reply.misbehave === 'cut') setTimeout(() => response.destroy(), 50)
      return
    }
    response.end(body)
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${portOf(server)}`,
    seen,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function portOf(server: Server): number {
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('not listening on a TCP port')
  return address.port
}

/** The app on a real port, as `npm start` serves it, so the Node adapter's own paths run too. */
export async function listenApp(app: Hono<ServerEnv>) {
  return new Promise<{ port: number; url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      resolve({
        port: info.port,
        url: `http://127.0.0.1:${info.port}`,
        close: () => {
          if ('closeAllConnections' in server) server.closeAllConnections()
          server.close()
        },
      })
    })
  })
}

/** Sends `head` as written, byte for byte, to a real listening server; resolves with its reply. */
export async function raw(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}
