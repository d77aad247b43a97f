/**
 * `npm run bench`: the dashboard against AG Grid Community on the same generated accounts
 * (1,000, 10,000 and 100,000 models), served over real HTTP from the emulator through the
 * production forwarder, driven in Chromium. Prints a Markdown table and writes it, with the raw
 * figures as JSON, to bench/results/<date>.{md,json}.
 */
import { chromium, type Browser } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

import { listen } from '../scripts/demo-servers'
import { ensureBrowser } from '../scripts/ensure-browser'
import { initialAssets, total } from '../scripts/bundle-size'
import { modelsAccount } from '../server/emulator/accounts'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { generateModels } from '../server/emulator/models/generate-models'
import { createServerApp, upstreamDefaults } from '../server/prod/server-app'
import { agGridApp } from './ag-grid-server'
import {
  chooseFailed,
  heapMb,
  loadMetrics,
  open,
  query,
  scrollToEnd,
  sortBy,
  typeQuery,
  type App,
} from './interactions'
import { coldStart, network } from './cold-start'
import { coldRows, format, rows, stat } from './report'

// An empty list skips that part: `BENCH_SIZES= npm run bench` measures only the cold starts.
const sizesOf = (list: string) => list.split(',').filter(Boolean).map(Number)
const sizes = sizesOf(process.env.BENCH_SIZES ?? '1000,10000,100000')
const loads = Number(process.env.BENCH_LOADS ?? 3)
const coldSizes = sizesOf(process.env.BENCH_COLD_SIZES ?? '100,10000')
const coldLoads = Number(process.env.BENCH_COLD_LOADS ?? 3)
// As many as keystrokes: with 5, the p95 was simply the slowest one (often the first ever).
const sortRepeats = 20

type Sample = Record<string, number[]>

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

async function measureApp(browser: Browser, app: App, url: string, size: number) {
  const samples: Sample = {}
  const add = (name: string, ...values: number[]) => (samples[name] ??= []).push(...values)
  for (let load = 0; load < loads; load++) {
    const page = await open(browser, app, url, size)
    // A person looks at the table for a moment before typing; both pages get the same second.
    await page.waitForTimeout(1000)
    const { parse, validate, firstPaint, warmUp } = await loadMetrics(page)
    add('parse', parse)
    add('validate', validate)
    add('firstPaint', firstPaint)
    add('warmUp', warmUp)
    // The heap is read on another load than the interactions: forcing a collection through the
    // DevTools protocol perturbs the timings that follow it.
    if (load === loads - 1 && loads > 1) add('heap', await heapMb(page))
    if (load === 0) {
      const typing = await typeQuery(page, app)
      add('keystroke', ...typing.durations)
      add('typingLongTasks', typing.longTasks)
      for (let repeat = 0; repeat < sortRepeats; repeat++) {
        add('facet', await chooseFailed(page, app))
        add('sortText', await sortBy(page, app, 'modelName'))
        add('sortNumber', await sortBy(page, app, 'maxTrainingTime'))
      }
      const scroll = await scrollToEnd(page, app)
      add('scrollLongTasks', scroll.longTasks)
      add('scrollDropped', scroll.dropped)
      if (loads === 1) add('heap', await heapMb(page))
    }
    await page.context().close()
  }
  return samples
}

/** The emulator with this account, and both pages served in front of it the same way. */
async function serve(models: ReturnType<typeof generateModels>) {
  const emulator = await listen(
    createEmulatorApp({ account: modelsAccount(models), keys: [demoKey] }).fetch,
  )
  const upstream = { ...upstreamDefaults, baseUrl: emulator.url, timeoutMs: 60_000 }
  const ours = await listen(createServerApp({ upstream, distDir: 'dist', log: () => {} }).fetch)
  const agGrid = await listen(agGridApp(upstream).fetch)
  return { emulator, ours, agGrid }
}

/** Median over `coldLoads` first visits of each page, for each of `coldSizes`. */
async function measureColdStarts(browser: Browser) {
  const results: Record<number, Record<App, Sample>> = {}
  for (const size of coldSizes) {
    const { emulator, ours, agGrid } = await serve(generateModels(size, 1))
    console.log(`\nCold start, ${size.toLocaleString('en')} models`)
    results[size] = { ours: {}, agGrid: {} }
    const pages = [
      ['ours', ours],
      ['agGrid', agGrid],
    ] as const
    // One visit of each page first, not counted: a browser's first pages wait for its process to
    // start the font service (font look-ups of 48 to 57 ms in traces, 7 to 17 ms on the visits
    // after), which a person's browser has long done. After the runs above it is warm anyway; in
    // a run of these rows alone (BENCH_SIZES=), alternating which page goes first left that wait
    // in two of three visits of one page and in one of the other's: in one median only.
    for (const [app, server] of pages) await coldStart(browser, app, server.url)
    for (let load = 0; load < coldLoads; load++) {
      // Each page goes first in turn all the same.
      for (const [app, server] of load % 2 === 0 ? pages : pages.toReversed()) {
        const figures = await coldStart(browser, app, server.url)
        for (const [key, value] of Object.entries(figures)) {
          ;(results[size][app][key] ??= []).push(value)
        }
      }
    }
    for (const server of [emulator, ours, agGrid]) server.close()
  }
  return results
}

async function main() {
  console.log('Building the app and the AG Grid page…')
  run('npx', ['vite', 'build', '--logLevel', 'warn'])
  run('npx', ['vite', 'build', '-c', 'bench/vite.ag-grid.config.ts'])
  const browser = await chromium.launch({ executablePath: ensureBrowser() })
  const version = browser.version()
  const results: Record<number, { payloadBytes: number; ours: Sample; agGrid: Sample }> = {}
  let coldResults: Awaited<ReturnType<typeof measureColdStarts>> = {}
  try {
    for (const size of sizes) {
      const models = generateModels(size, 1)
      const payloadBytes = Buffer.byteLength(JSON.stringify({ statusCode: 200, body: { models } }))
      const { emulator, ours, agGrid } = await serve(models)
      console.log(`\n${size.toLocaleString('en')} models (${(payloadBytes / 1e6).toFixed(1)} MB)`)
      console.log('  dashboard…')
      const oursSamples = await measureApp(browser, 'ours', ours.url, size)
      console.log('  AG Grid…')
      const agSamples = await measureApp(browser, 'agGrid', agGrid.url, size)
      results[size] = { payloadBytes, ours: oursSamples, agGrid: agSamples }
      for (const server of [emulator, ours, agGrid]) server.close()
    }
    coldResults = await measureColdStarts(browser)
  } finally {
    await browser.close()
  }

  const assets = initialAssets()
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  const date = new Date().toISOString().slice(0, 10)
  const lines = [
    `# Benchmark ${date}`,
    '',
    `Chromium ${version}, headless; ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
    `Generated accounts (seed 1) served by the emulator through the production forwarder. Medians over ${loads} loads, ${query.length} keystrokes ("${query}") and ${sortRepeats} sorts and filters; a ratio below 1 means the dashboard is faster.`,
    '',
    `Initial JavaScript ${kib(total(assets, 'js', 'raw'))} (${kib(total(assets, 'js', 'gzip'))} gzip), CSS ${kib(total(assets, 'css', 'raw'))} (${kib(total(assets, 'css', 'gzip'))} gzip).`,
  ]
  for (const size of sizes) {
    const result = results[size]!
    lines.push(
      '',
      `## ${size.toLocaleString('en')} models (${(result.payloadBytes / 1e6).toFixed(1)} MB of JSON)`,
      '',
      '| measure | dashboard | AG Grid | ratio |',
      '|---|---:|---:|---:|',
    )
    for (const row of rows) {
      const ours = stat(result.ours[row.key], row.stat)
      const ag = stat(result.agGrid[row.key], row.stat)
      // AG Grid takes rows unvalidated and some counts are zero on both sides: no ratio there.
      const ratio =
        ag >= 1 ? (ours / ag).toFixed(2) : Math.round(ours) === Math.round(ag) ? '1.00' : '—'
      lines.push(
        `| ${row.label} | ${format(ours, row.unit)} | ${format(ag, row.unit)} | ${ratio} |`,
      )
    }
  }
  lines.push(
    '',
    `## Cold start: ${network.downMbps} Mbit/s down, ${network.upMbps} up, ${network.latencyMs} ms round trip, empty cache`,
    '',
    `Medians of ${coldLoads} first visits in Chromium's network emulation, through a server that sends the build's brotli copies and compresses the API answer (both pages). The AG Grid page has no key screen: its "first screen usable" is its controls and script loaded, and its rows are timed from asking for the data.`,
  )
  for (const size of coldSizes) {
    const cold = coldResults[size]
    if (!cold) continue
    lines.push(
      '',
      `### ${size.toLocaleString('en')} models`,
      '',
      '| measure | dashboard | AG Grid | ratio |',
      '|---|---:|---:|---:|',
    )
    for (const row of coldRows) {
      const ours = stat(cold.ours[row.key], 'median')
      const ag = stat(cold.agGrid[row.key], 'median')
      const ratio = ag > 0 ? (ours / ag).toFixed(2) : '—'
      lines.push(
        `| ${row.label} | ${format(ours, row.unit)} | ${format(ag, row.unit)} | ${ratio} |`,
      )
    }
  }
  const markdown = `${lines.join('\n')}\n`
  console.log(`\n${markdown}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/${date}.md`, markdown)
  writeFileSync(
    `bench/results/${date}.json`,
    `${JSON.stringify({ date, chromium: version, cpus: cpus().length, assets, results, network, coldResults }, null, 2)}\n`,
  )
  console.log(`Wrote bench/results/${date}.md and .json`)
}

await main()
