import { useSyncExternalStore } from 'react'

import type { Credentials } from '@/api/model-queries'

const storageKey = 'marqtune-dashboard.api-key'

export type Session = Credentials

export type KeyState = {
  session: Session | null
  /** Why the user was sent back to the key screen, if they did not choose it. */
  notice: string | undefined
}

/**
 * The API key lives in sessionStorage only: it survives a reload of this tab and nothing else.
 * The sessionId is minted in memory each time, so a reload starts a fresh cache entry.
 */
export function createKeyStore(storage: Storage | undefined) {
  let state: KeyState = { session: restore(), notice: undefined }
  const listeners = new Set<() => void>()

  function restore(): Session | null {
    const apiKey = safely(() => storage?.getItem(storageKey))
    return apiKey ? createSession(apiKey) : null
  }

  function set(next: KeyState) {
    state = next
    for (const listener of listeners) listener()
  }

  return {
    getState: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    keep: (session: Session) => {
      safely(() => storage?.setItem(storageKey, session.apiKey))
      set({ session, notice: undefined })
    },
    forget: (notice?: string) => {
      safely(() => storage?.removeItem(storageKey))
      set({ session: null, notice })
    },
  }
}

export type KeyStore = ReturnType<typeof createKeyStore>

export const keyStore = createKeyStore(
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
)

export function useKeyState(store: KeyStore = keyStore): KeyState {
  // The third read serves the key screen's build-time render and its hydration: no key there.
  return useSyncExternalStore(store.subscribe, store.getState, store.getState)
}

export function createSession(apiKey: string): Session {
  return { sessionId: randomId(), apiKey }
}

const maxKeyBytes = 4096

/** Trims what a paste brings along and refuses what an HTTP header cannot carry. */
export function checkKey(input: string): { apiKey: string } | { problem: string } {
  const apiKey = input.trim()
  if (!apiKey) return { problem: 'Enter your Marqo Cloud API key.' }
  if (new TextEncoder().encode(apiKey).length > maxKeyBytes) {
    return { problem: 'That is longer than any API key (4 KB at most). Paste the key alone.' }
  }
  // Visible ASCII only: anything else cannot travel in the x-api-key header.
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    return {
      problem: 'An API key has no spaces, line breaks or accented characters. Paste the key alone.',
    }
  }
  return { apiKey }
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain HTTP too. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch {
    // Storage can be disabled by the browser; the key then lasts for this page only.
    return undefined
  }
}
