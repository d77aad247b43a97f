import type { LogLine } from './logs'

/**
 * The live logs of an account's tasks (models, evaluations, datasets), each begun from its seed
 * log the first time it is asked for, then grown by the tasks the emulator runs. A line added
 * is always at least a millisecond later than the line before it: the official client asks for
 * `last timestamp + 1` to follow a log, which must then miss no line and repeat none.
 */
export function logBook(now: () => number) {
  const logs = new Map<string, LogLine[]>()

  function of(key: string, seed: () => LogLine[]): LogLine[] {
    let log = logs.get(key)
    if (!log) logs.set(key, (log = seed()))
    return log
  }

  return {
    of,
    say(key: string, seed: () => LogLine[], ...messages: string[]) {
      const log = of(key, seed)
      for (const message of messages) {
        const timestamp = Math.max(now(), (log.at(-1)?.timestamp ?? 0) + 1)
        log.push({ timestamp, message })
      }
    },
    clear: () => logs.clear(),
  }
}

export type LogBook = ReturnType<typeof logBook>
