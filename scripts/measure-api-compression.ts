/**
 * How much server CPU one compressed 100,000-model list costs, per coding and level: what
 * apiCompressionDefaults in server/prod/middleware/compress-api.ts was chosen by. Not part of `npm test`
 * (about two minutes): `node --import tsx scripts/measure-api-compression.ts`.
 *
 * The emulator serves a generated account; for each level a server process runs the real
 * forwarder behind the real compression middleware, and its CPU time (user + system, from
 * /proc) is read around each request. The client counts the bytes on the wire without decoding.
 */
import { Hono } from 'hono'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'

import { demoKey } from '../server/emulator/emulator-app'
import { compressApiAnswers } from '../server/prod/middleware/compress-api'
import type { ServerEnv } from '../server/prod/context'
import { routePath } from '../common/routes'
import { forward } from '../server/prod/upstream/forward'
import { listen } from './demo-servers'
import { spawnServer } from './spawn-server'

const models = Number(process.env.MEASURE_MODELS ?? 100_000)
const repeats = 3

if (process.argv[2] === '--serve') {
  const upstream = { baseUrl: process.argv[3]!, timeoutMs: 120_000, maxBodyBytes: 2 ** 30 }
  const app = new Hono<ServerEnv>()
  app.use(
    compressApiAnswers({
      brotliQuality: Number(process.env.BROTLI_QUALITY),
      gzipLevel: Number(process.env.GZIP_LEVEL),
    }),
  )
  app.get('/api/models', (c) => forward(c, routePath('listModels'), upstream))
  const server = await listen(app.fetch)
  console.log(`measuring server on ${server.url}`)
} else {
  await measureAll()
}

async function measureAll() {
  const emulator = await spawnServer(['server/emulator/main.ts', '--port=0', `--models=${models}`])
  const settings = [
    { label: 'none', encoding: 'identity', brotli: 4, gzip: 6 },
    ...[1, 6, 9].map((level) => ({
      label: `gzip ${level}`,
      encoding: 'gzip',
      brotli: 4,
      gzip: level,
    })),
    ...[1, 3, 4, 5, 6].map((quality) => ({
      label: `br ${quality}`,
      encoding: 'br',
      brotli: quality,
      gzip: 6,
    })),
  ]
  console.log(`| coding | bytes sent | CPU per list (median of ${repeats}) | wall time |`)
  console.log('| --- | ---: | ---: | ---: |')
  try {
    for (const setting of settings) {
      const server = await spawnServer(
        ['scripts/measure-api-compression.ts', '--serve', emulator.url],
        {
          BROTLI_QUALITY: String(setting.brotli),
          GZIP_LEVEL: String(setting.gzip),
        },
      )
      const runs = []
      for (let run = 0; run <= repeats; run++) {
        const before = cpuMs(server.process.pid!)
        const started = performance.now()
        const bytes = await download(`${server.url}/api/models`, setting.encoding)
        // The first request warms the JIT and the emulator's cache: not counted.
        if (run > 0)
          runs.push({
            bytes,
            cpu: cpuMs(server.process.pid!) - before,
            wall: performance.now() - started,
          })
      }
      server.process.kill()
      const median = runs.toSorted((a, b) => a.cpu - b.cpu)[Math.floor(runs.length / 2)]!
      console.log(
        `| ${setting.label} | ${(median.bytes / 1e6).toFixed(2)} MB | ${Math.round(median.cpu)} ms | ${Math.round(median.wall)} ms |`,
      )
    }
  } finally {
    emulator.process.kill()
  }
}

/** User plus system CPU time of a process, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** The bytes on the wire: node:http does not decode, unlike fetch. */
function download(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { 'x-api-key': demoKey, 'accept-encoding': encoding } },
      (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => (bytes += chunk.length))
        res.on('end', () => resolve(bytes))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}
