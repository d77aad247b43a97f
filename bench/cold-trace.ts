/**
 * What holds a first visit's paint? Runs the cold start of `npm run bench` (bench/cold-start.ts:
 * empty cache, network emulation, the same page driving) under the Chromium tracer, for the built
 * app (dist/, as `npm run build` left it) and, with COLD_TRACE_AG=1, the AG Grid page
 * (bench/.dist/ag-grid, as `npm run bench` left it), on a generated account of
 * COLD_TRACE_MODELS models (default 10,000), COLD_TRACE_LOADS times (default 1). Prints, in ms
 * from the start of the navigation: each request (sent, first byte, last byte), the main thread's
 * work over COLD_TRACE_MIN_MS (default 3), the paints, the page's marks, and how many font
 * look-ups through the browser process the first paint waited for, and how long they took.
 * Not a benchmark (tracing slows everything down); `npm run bench` measures.
 *
 *   npm run build && node --import tsx bench/cold-trace.ts
 */
import { chromium } from '@playwright/test'

import { listen } from '../scripts/demo-servers'
import { ensureBrowser } from '../scripts/ensure-browser'
import { modelsAccount } from '../server/emulator/accounts'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { generateModels } from '../server/emulator/models/generate-models'
import { createServerApp, upstreamDefaults } from '../server/prod/server-app'
import { agGridApp } from './ag-grid-server'
import { coldStart, type ColdStart } from './cold-start'
import type { App } from './interactions'

/** What this report reads of the events' data. */
type EventData = {
  url?: string
  functionName?: string
  type?: string
  nodeName?: string
  documentLoaderURL?: string
  requestId?: string
  /** Seconds, on the clock of `ts` (µs). */
  finishTime?: number
  timing?: { requestTime: number; receiveHeadersEnd: number }
}

type TraceEvent = {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: EventData }
}

const count = Number(process.env.COLD_TRACE_MODELS ?? 10_000)
const loads = Number(process.env.COLD_TRACE_LOADS ?? 1)
const minTaskMs = Number(process.env.COLD_TRACE_MIN_MS ?? 3)
const apps: App[] = process.env.COLD_TRACE_AG ? ['ours', 'agGrid'] : ['ours']
const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'fonts',
]

/** A font family matched, or a face's rendering settings read, through the browser process. */
const fontLookUps = new Set([
  'FontDataManager::onMatchFamilyStyle',
  'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike',
])

/** The main thread's work, named as the Performance panel names it. */
const work = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'ParseAuthorStyleSheet',
  'DocumentLoader::CommitNavigation',
  'RunTask',
])
const moments = new Set([
  'firstPaint',
  'firstContentfulPaint',
  'largestContentfulPaint::Candidate',
  'MarkDOMContent',
  'MarkLoad',
])

const emulator = await listen(
  createEmulatorApp({ account: modelsAccount(generateModels(count, 1)), keys: [demoKey] }).fetch,
)
const upstream = { ...upstreamDefaults, baseUrl: emulator.url, timeoutMs: 60_000 }
const ours = await listen(createServerApp({ upstream, distDir: 'dist', log: () => {} }).fetch)
// The AG Grid page served as bench/run.ts serves it.
const agGrid = await listen(agGridApp(upstream).fetch)
const browser = await chromium.launch({ executablePath: ensureBrowser() })

try {
  for (let load = 0; load < loads; load++) {
    for (const app of apps) {
      const server = app === 'ours' ? ours : agGrid
      let trace: Buffer | undefined
      const figures = await coldStart(browser, app, server.url, {
        categories,
        done: (buffer) => (trace = buffer),
      })
      const { traceEvents } = JSON.parse(trace!.toString()) as { traceEvents: TraceEvent[] }
      report(`load ${load + 1}, ${app}`, server.url, figures, traceEvents)
    }
  }
} finally {
  await browser.close()
  for (const server of [ours, agGrid, emulator]) server.close()
}

function report(title: string, url: string, figures: ColdStart, events: TraceEvent[]) {
  // The page's own navigation (not the about:blank before it).
  const start = events.find(
    (event) =>
      event.name === 'navigationStart' &&
      (event.args?.data?.documentLoaderURL ?? '').startsWith(url),
  )
  if (!start) throw new Error('no navigationStart of the page in the trace')
  const ms = (ts: number) => ((ts - start.ts) / 1000).toFixed(0).padStart(6)
  const lines: Array<[number, string]> = []

  const requests = new Map<string, { url: string; sent: number; response?: number; end?: number }>()
  for (const event of events) {
    const data = event.args?.data ?? {}
    const id = data.requestId
    const request = id === undefined ? undefined : requests.get(id)
    if (event.name === 'ResourceSendRequest' && id !== undefined) {
      requests.set(id, { url: data.url ?? '', sent: event.ts })
    } else if (event.name === 'ResourceReceiveResponse' && request) {
      // The network's times (s and ms on the trace's clock), not when the renderer heard of them.
      const { timing } = data
      request.response = timing
        ? timing.requestTime * 1e6 + timing.receiveHeadersEnd * 1e3
        : event.ts
    } else if (event.name === 'ResourceFinish' && request) {
      request.end = data.finishTime ? data.finishTime * 1e6 : event.ts
    }
  }
  for (const request of requests.values()) {
    const path = request.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 50)
    const at = (ts?: number) => (ts ? ms(ts) : '     ?').trim()
    lines.push([
      request.sent,
      `${ms(request.sent)}  → ${path}: first byte ${at(request.response)}, last ${at(request.end)}`,
    ])
  }

  for (const event of events) {
    if (event.pid !== start.pid || event.ts < start.ts) continue
    const data = event.args?.data ?? {}
    if (event.ph === 'X' && event.tid === start.tid && work.has(event.name)) {
      const dur = (event.dur ?? 0) / 1000
      if (dur < minTaskMs) continue
      const what = (data.url ?? data.functionName ?? data.type ?? '')
        .replace(/^https?:\/\/[^/]+/, '')
        .slice(0, 50)
      lines.push([event.ts, `${ms(event.ts)}  ${event.name} ${dur.toFixed(1)} ms ${what}`])
    } else if (
      moments.has(event.name) ||
      (event.cat.includes('blink.user_timing') && /^(models|bench):/.test(event.name))
    ) {
      const node = data.nodeName ? ` ${data.nodeName}` : ''
      lines.push([event.ts, `${ms(event.ts)}  ◆ ${event.name}${node}`])
    }
  }
  // What the first frame waited for the browser process: the fonts it lays out (Linux).
  const firstPaint = events.find(
    (event) => event.name === 'firstContentfulPaint' && event.pid === start.pid,
  )
  const lookUps = events.filter(
    (event) =>
      fontLookUps.has(event.name) &&
      event.pid === start.pid &&
      event.ts >= start.ts &&
      event.ts <= (firstPaint?.ts ?? Infinity),
  )
  const lookUpMs = lookUps.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000
  const figure = (value: number) => `${Math.round(value)} ms`
  console.log(
    `\n— ${title}: usable ${figure(figures.usable)}, LCP ${figure(figures.lcp)}, key → rows ${figure(figures.toRows)} (as measured under the tracer); before the first contentful paint, ${lookUps.length} font look-ups took ${figure(lookUpMs)}`,
  )
  for (const [, line] of lines.toSorted((a, b) => a[0] - b[0])) console.log(line)
}
