/**
 * Where does an interaction's frame go: script, style, layout or paint? Builds the app, serves a
 * generated account of TRACE_MODELS models (default 1,000) through the production server, repeats
 * one interaction 20 times under the Chromium tracer and prints, per repeat, the time from the
 * input to the frame after the rows were painted and the main thread's time in each phase.
 * Not a benchmark (tracing slows everything down); `npm run bench` measures.
 *
 *   TRACE_ACTION=facet|type|sort|scroll node --import tsx bench/trace.ts
 *
 * facet: the Failed quick filter, on and off; type: 20 keystrokes of a search; sort: the Max
 * training time header; scroll: the table from top to bottom in 20 steps.
 */
import { spawnSync } from 'node:child_process'

import { openGeneratedAccount, type Action } from './open-account'

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number }

const count = Number(process.env.TRACE_MODELS ?? 1000)
const action = (process.env.TRACE_ACTION ?? 'facet') as Action
const repeats = 20
const phases: Record<string, string[]> = {
  script: ['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  gc: ['MinorGC', 'MajorGC'],
}

spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
const { browser, page, close } = await openGeneratedAccount(count, 'dist')
try {
  // Let the idle indexing finish, as a person reading the table would.
  await page.waitForFunction(() => performance.getEntriesByName('models:warm').length > 0)

  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  })
  const durations = await page.evaluate(
    ([action, repeats]) => window.repeatAction(action, repeats),
    [action, repeats] as const,
  )
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[]
  }
  const events = trace.traceEvents
  const main = events.find((event) => event.name === 'trace:start:0')?.tid
  const at = (name: string) => events.find((event) => event.name === name)?.ts ?? Number.NaN
  console.log(`${count} models, ${action}: ms from the input to the frame after the rows`)
  console.log(['#', 'total', ...Object.keys(phases)].map((cell) => cell.padStart(7)).join(''))
  durations.forEach((duration, step) => {
    const [start, end] = [at(`trace:start:${step}`), at(`trace:end:${step}`)]
    // Top-level phases only: a nested event (a layout forced by script) counts in its parent.
    const inside = events.filter(
      (event) => event.tid === main && event.ph === 'X' && event.ts >= start && event.ts < end,
    )
    const spent = Object.values(phases).map((names) => {
      const ofPhase = inside.filter((event) => names.includes(event.name))
      return ofPhase
        .filter(
          (event) =>
            !ofPhase.some(
              (outer) =>
                outer !== event && outer.ts <= event.ts && event.ts < outer.ts + (outer.dur ?? 0),
            ),
        )
        .reduce((sum, event) => sum + (event.dur ?? 0) / 1000, 0)
    })
    console.log(
      [String(step), ...[duration, ...spent].map((ms) => ms.toFixed(1))]
        .map((cell) => cell.padStart(7))
        .join(''),
    )
  })
} finally {
  await close()
}
