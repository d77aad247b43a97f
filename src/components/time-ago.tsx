import { timeAgo } from '@/lib/format'
import { useNow } from '@/lib/use-now'

/**
 * "12 s ago", kept true by re-rendering itself every few seconds; only this text re-renders,
 * not the page around it.
 */
export function TimeAgo({
  at,
  wording = (ago) => ago,
  intervalMs = 5_000,
}: {
  at: number
  /** The sentence around the time: `(ago) => \`Updated ${ago}\``. */
  wording?: (ago: string) => string
  intervalMs?: number
}) {
  const now = useNow(intervalMs)
  return (
    <time dateTime={new Date(at).toISOString()}>{wording(timeAgo(at, Math.max(now, at)))}</time>
  )
}
