import { useCallback, useSyncExternalStore } from 'react'

/** One list per query: matchMedia is not free, and rows render often. */
const lists = new Map<string, MediaQueryList>()
function listFor(query: string): MediaQueryList {
  let list = lists.get(query)
  if (!list) lists.set(query, (list = window.matchMedia(query)))
  return list
}

/** Whether a CSS media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = listFor(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  // Rendered at build time or hydrating that markup: no media is known yet.
  return useSyncExternalStore(
    subscribe,
    () => listFor(query).matches,
    () => false,
  )
}
