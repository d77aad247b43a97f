import { useEffect, useState } from 'react'

/** The time, refreshed every `intervalMs` while `running`: for text that counts up or down. */
export function useNow(intervalMs: number, running = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return undefined
    const tick = () => setNow(Date.now())
    // At once too: the time kept from an earlier run would be stale.
    const first = setTimeout(tick)
    const timer = setInterval(tick, intervalMs)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [intervalMs, running])
  return now
}
