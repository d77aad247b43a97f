import { routePath } from '@common/routes'

import { getJson } from './client'
import { logPageSize, parseLogs, type LogLine } from './model-logs'
import type { Credentials } from './model-queries'

// An evaluation's log, read as a model's is (`parseLogs`): the lines of a window, and the newest
// page, where the walkthrough reads the results.

/** Pages asked for at most when the service pages from the oldest line: 10,000 lines. */
const maxForwardPages = 20

/**
 * The lines of a window of an evaluation's log (`from <= timestamp <= to`, at most a page; `to`
 * left open: from `from` on), in the unit the service uses for its own timestamps, so a window
 * asked from a line it sent means the same.
 */
export async function fetchEvaluationLogWindow(
  { apiKey }: Credentials,
  evaluationId: string,
  window: { from: number; to?: number },
  signal?: AbortSignal,
): Promise<LogLine[]> {
  return logWindow(apiKey, evaluationId, window, signal)
}

async function logWindow(
  apiKey: string,
  evaluationId: string,
  window: { from: number; to?: number },
  signal: AbortSignal | undefined,
): Promise<LogLine[]> {
  const query = {
    from: Math.max(0, Math.floor(window.from)),
    to: window.to === undefined ? undefined : Math.max(0, Math.floor(window.to)),
  }
  const path = routePath('evaluationLogs', { evaluationId }, query)
  return parseLogs(await getJson(path, { apiKey, signal }))
}

/**
 * The newest `logPageSize` lines of an evaluation's log, oldest first. Without a window the
 * emulator sends the newest page; the service's docs do not say which page it sends, and the
 * official client pages forward from `last timestamp + 1`. So a full page is followed forward the
 * client's way until a page is not full: against a service that sends the newest page that costs
 * one empty answer, against one that sends the oldest it reaches the end.
 */
export async function fetchLastLogPage(
  apiKey: string,
  evaluationId: string,
  signal?: AbortSignal,
): Promise<LogLine[]> {
  const first = parseLogs(
    await getJson(routePath('evaluationLogs', { evaluationId }), { apiKey, signal }),
  )
  let lines = first
  let page = first
  for (let asked = 0; page.length >= logPageSize && asked < maxForwardPages; asked++) {
    const stamp = page.at(-1)?.stamp
    if (stamp === undefined) break
    page = await logWindow(apiKey, evaluationId, { from: stamp + 1 }, signal)
    if (page.length) lines = [...lines, ...page].slice(-logPageSize)
  }
  return lines
}
