import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False while React hydrates the markup rendered at build time (src/app/prerender.tsx), true
 * from the render after it, and always true in a client render. What the browser alone knows
 * (a stored preference) waits for true, so hydration meets exactly the markup it was given.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
