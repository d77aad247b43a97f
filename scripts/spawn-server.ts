import { spawn, type ChildProcess } from 'node:child_process'

export type Spawned = { url: string; process: ChildProcess; output: () => string }

/**
 * Runs one of our servers as its own process: a TypeScript one (`server/emulator/main.ts`)
 * through tsx, a built one (`dist-server/main.js`) with plain `node`, as `npm start` does.
 * Resolves once it prints the URL it listens on (port 0 = free).
 */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  const loader = args[0]?.endsWith('.ts') ? ['--import', 'tsx'] : []
  const child = spawn(process.execPath, [...loader, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0]
      if (url) resolve({ url, process: child, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output}`)))
  })
}
