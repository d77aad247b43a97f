/**
 * Where does an interaction's time go? Builds the app unminified, serves a generated account of
 * PROFILE_MODELS models (default 1,000) through the production server, repeats PROFILE_ACTION
 * (facet: the Failed quick filter; type: 10 keystrokes of a search; sort: a number column) 10 times under the V8 sampling profiler and prints the functions with the most self
 * time. Not a benchmark (the profiler slows everything down); `npm run bench` measures.
 *
 *   node --import tsx bench/profile.ts
 */
import { spawnSync } from 'node:child_process'

import { openGeneratedAccount } from './open-account'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

const count = Number(process.env.PROFILE_MODELS ?? 1000)
const action = process.env.PROFILE_ACTION ?? 'facet'
const distDir = 'bench/.dist/profile'
spawnSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', distDir], { stdio: 'ignore' })

const { page, close } = await openGeneratedAccount(count, distDir)
try {
  await page.waitForTimeout(1500)

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  const durations = await page.evaluate(async (action) => {
    const input = document.querySelector<HTMLInputElement>('#model-search')!
    const acts: Record<string, (step: number) => void> = {
      facet: () =>
        [...document.querySelectorAll('button')]
          .find((button) => button.dataset.quickFilter === 'Failed')!
          .click(),
      type: (step) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
          input,
          'furniture-dedupe-v99'.slice(0, step + 1),
        )
        input.dispatchEvent(new Event('input', { bubbles: true }))
      },
      sort: () =>
        document
          .querySelector<HTMLButtonElement>('thead button[data-column="maxTrainingTime"]')!
          .click(),
    }
    const out: number[] = []
    for (let step = 0; step < 10; step++) {
      const started = performance.now()
      acts[action]!(step)
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
      out.push(Math.round(performance.now() - started))
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    return out
  }, action)
  const { profile } = await cdp.send('Profiler.stop')

  const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]))
  const selfTime = new Map<string, number>()
  profile.samples?.forEach((id, index) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame
    const where = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`
    selfTime.set(where, (selfTime.get(where) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000)
  })
  console.log(`${count} models, ${action}: act → next frame (ms): ${durations.join(' ')}`)
  console.log(`Self time (ms) in ${distDir}/assets, idle and program left out:`)
  for (const [where, ms] of [...selfTime]
    .filter(([where]) => !/^\((idle|program)\)/.test(where))
    .toSorted((a, b) => b[1] - a[1])
    .slice(0, 25)) {
    console.log(`${ms.toFixed(1).padStart(7)}  ${where}`)
  }
} finally {
  await close()
}
