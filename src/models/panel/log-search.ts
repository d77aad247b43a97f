import type { LogLine } from '@/api/model-logs'

/** Where a search matches the lines: per match, its line and start, case-insensitive. */
export type LogMatch = { line: number; start: number }

export function findInLog(lines: readonly LogLine[], query: string): LogMatch[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return []
  const matches: LogMatch[] = []
  lines.forEach((line, position) => {
    const text = line.message.toLowerCase()
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      matches.push({ line: position, start: at })
    }
  })
  return matches
}

/** The text a reader copies: each line as shown, its UTC time first when it has one. */
export function logText(lines: readonly LogLine[]): string {
  return lines
    .map((line) => (line.time ? `${line.time.toISOString()} ${line.message}` : line.message))
    .join('\n')
}
