import type { UpstreamSend } from './upstream-send'

/** For in-process tests whose upstream is a stubbed global fetch rather than a socket. */
export const fetchSend: UpstreamSend = async (url, headers, signal, method = 'GET', body) => {
  const response = await fetch(url, { method, headers, body, signal, redirect: 'manual' })
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    body: response.body ?? new ReadableStream({ start: (controller) => controller.close() }),
  }
}
