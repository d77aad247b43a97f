import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
await page.goto('http://127.0.0.1:4399/')
await page.getByLabel('API key').fill('marqtune-demo-key')
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
await cdp.send('Profiler.start')
await page.getByRole('button', { name: 'Connect' }).click()
await page.waitForFunction(() => performance.getEntriesByName('models:painted').length > 0, null, { timeout: 60000 })
const { profile } = await cdp.send('Profiler.stop') as any
const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))
console.log(marks)
const self = new Map<string, number>()
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]))
profile.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id)
  const key = `${n.callFrame.functionName || '(anon)'} :${n.callFrame.lineNumber}`
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
})
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'))
await browser.close()
