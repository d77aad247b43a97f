/**
 * Where does an interaction's time go? Builds the app unminified, serves a generated account of
 * PROFILE_MODELS models (default 1,000) through the production server, repeats PROFILE_ACTION
 * (facet, type, sort or scroll: see open-account.ts) 10 times under the V8 sampling profiler and
 * prints the functions with the most self time. Not a benchmark (the profiler slows everything
 * down); `npm run bench` measures.
 *
 *   PROFILE_ACTION=facet|type|sort|scroll node --import tsx bench/profile.ts
 */
import { spawnSync } from 'node:child_process'

import { openGeneratedAccount, type Action } from './open-account'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

const count = Number(process.env.PROFILE_MODELS ?? 1000)
const action = (process.env.PROFILE_ACTION ?? 'facet') as Action
const distDir = 'bench/.dist/profile'
spawnSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', distDir], { stdio: 'ignore' })

const { page, close } = await openGeneratedAccount(count, distDir)
try {
  await page.waitForTimeout(1500)

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  const durations = await page.evaluate(
    ([action, repeats]) => window.repeatAction(action, repeats),
    [action, 10] as const,
  )
  const { profile } = await cdp.send('Profiler.stop')

  const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]))
  const selfTime = new Map<string, number>()
  profile.samples?.forEach((id, index) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame
    const where = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`
    selfTime.set(where, (selfTime.get(where) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000)
  })
  console.log(
    `${count} models, ${action}: act → next frame (ms): ${durations.map((ms) => Math.round(ms)).join(' ')}`,
  )
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
