/**
 * What the container image runs, without Docker: the built output (`npm run build` first) with
 * production dependencies only, started with the Dockerfile's own CMD and environment, in front
 * of the emulator. Checks the page, compression, /api/models, the host allow-list and SIGTERM,
 * under whichever Node runs this script (CI runs it on Node 24). Ends with `N passed, N failed`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { demoAccount, demoKey } from './demo-servers'
import { spawnServer } from './spawn-server'

const publicName = 'models.example.test'
const results = { passed: 0, failed: 0 }

function check(title: string, ok: boolean, detail = '') {
  results[ok ? 'passed' : 'failed']++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${title}${ok || !detail ? '' : `: ${detail}`}`)
}

/** The CMD and ENV of the Dockerfile's last stage: the test runs exactly what the image runs. */
function imageStart() {
  const runtime = readFileSync('Dockerfile', 'utf8')
    .split(/^FROM /m)
    .at(-1)!
  const command: unknown = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)?.[1] ?? 'null')
  if (
    !Array.isArray(command) ||
    !command.every((part): part is string => typeof part === 'string')
  ) {
    throw new Error('The Dockerfile has no CMD ["…"] line in its last stage')
  }
  const env = Object.fromEntries(
    [...runtime.matchAll(/^ENV (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]),
  )
  return { command, env }
}

type Answer = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** node:http, not fetch: it leaves the body as sent, and lets the test choose the Host header. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

const install = mkdtempSync(join(tmpdir(), 'built-server-'))
const emulator = await spawnServer(['server/emulator/main.ts', '--port=0'])
try {
  console.log(`Node ${process.version}; production-only install in ${install}`)
  for (const path of ['package.json', 'package-lock.json', '.npmrc', 'dist', 'dist-server']) {
    cpSync(path, join(install, path), { recursive: true })
  }
  const ci = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
    cwd: install,
    stdio: 'inherit',
  })
  check('npm ci --omit=dev', ci.status === 0)
  check(
    'no development dependency installed',
    !existsSync(join(install, 'node_modules/tsx')) &&
      !existsSync(join(install, 'node_modules/vite')),
  )

  const { command, env } = imageStart()
  const [executable = 'node', ...args] = command
  const server = spawn(executable === 'node' ? process.execPath : executable, args, {
    cwd: install,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      MARQTUNE_URL: emulator.url,
      ALLOWED_HOSTS: publicName,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve))
  const started = Date.now()
  while (!/on http:\/\/\S+:\d+/.test(output) && Date.now() - started < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const port = Number(/on http:\/\/\S+:(\d+)/.exec(output)?.[1])
  check(`starts with \`${command.join(' ')}\``, port > 0, output)
  check(
    'says which host names it answers to',
    output.includes(`Answers to the host names localhost, 127.0.0.1, [::1], ${publicName}`),
    output,
  )

  const health = await get(port, '/healthz')
  check('GET /healthz', health.status === 200 && health.body.toString() === '{"status":"ok"}')

  const page = await get(port, '/', { 'accept-encoding': 'gzip, deflate, br, zstd' })
  const html =
    page.headers['content-encoding'] === 'br' ? brotliDecompressSync(page.body) : page.body
  check(
    'the page, as brotli',
    page.status === 200 &&
      page.headers['content-encoding'] === 'br' &&
      /<script/.test(html.toString()),
    JSON.stringify(page.headers),
  )

  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html.toString())?.[1] ?? '/assets/missing.js'
  const asset = await get(port, script, { 'accept-encoding': 'gzip' })
  check(
    `${script} as gzip, with its length`,
    asset.status === 200 &&
      asset.headers['content-encoding'] === 'gzip' &&
      asset.headers['content-length'] === String(asset.body.length) &&
      gunzipSync(asset.body).length > asset.body.length,
  )
  check('no source map served', (await get(port, `${script}.map`)).status === 404)

  const models = await get(port, '/api/models', {
    'x-api-key': demoKey,
    'accept-encoding': 'gzip, deflate, br, zstd',
  })
  const list: unknown =
    models.headers['content-encoding'] === 'br'
      ? JSON.parse(brotliDecompressSync(models.body).toString())
      : undefined
  check(
    '/api/models through the emulator, as brotli',
    models.status === 200 && JSON.stringify(list).includes(demoAccount.models[0]!.modelId),
    `${models.status} ${JSON.stringify(models.headers)}`,
  )

  const unknownHost = await get(port, '/', { host: 'rebound.example' })
  const knownHost = await get(port, '/', { host: publicName })
  check(
    'an unknown Host gets 400, ALLOWED_HOSTS 200',
    unknownHost.status === 400 && knownHost.status === 200,
  )

  server.kill('SIGTERM')
  const code = await Promise.race([
    exited,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 12_000)),
  ])
  check(
    'SIGTERM: logs that it stops, exits 0',
    code === 0 && /SIGTERM: stopping/.test(output),
    output,
  )
  server.kill('SIGKILL')
} catch (error) {
  check('the smoke ran to its end', false, String(error))
} finally {
  emulator.process.kill()
  rmSync(install, { recursive: true, force: true })
}

console.log(`\n${results.passed} passed, ${results.failed} failed`)
process.exit(results.failed ? 1 : 0)
