import { spawn, type ChildProcess } from 'node:child_process'

export type Spawned = { url: string; process: ChildProcess; output: () => string }

/**
 * Runs one of our server scripts (`server/emulator/main.ts`, `server/prod/main.ts`) as its own
 * process, as `npm start` does; resolves once it prints the URL it listens on (port 0 = free).
 */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
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
