import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What each build is made from: a change to any of these makes it stale. */
const builds = [
  {
    output: 'dist/index.html',
    sources: ['src', 'public', 'index.html', 'vite.config.ts', 'common', 'package-lock.json'],
    title: 'Building the app…',
    command: ['npx', 'vite', 'build', '--logLevel', 'warn'],
  },
  {
    output: 'dist-server/main.js',
    sources: ['server/prod', 'common', 'scripts/build-server.ts', 'package-lock.json'],
    title: 'Building the server…',
    command: [process.execPath, '--import', 'tsx', 'scripts/build-server.ts'],
  },
]

function newestChange(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))))
}

/**
 * Builds what `npm run build` builds, the app (`dist/`) and the production server
 * (`dist-server/`), each only when it is missing or older than its sources: `npm start` works
 * after `npm run demo` too.
 */
export function buildIfStale() {
  for (const { output, sources, title, command } of builds) {
    const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0
    const changed = Math.max(...sources.filter((path) => existsSync(path)).map(newestChange))
    if (builtAt >= changed) continue
    console.log(title)
    const [executable = 'npx', ...args] = command
    const build = spawnSync(executable, args, { stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
}
