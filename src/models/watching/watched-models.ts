import { useSyncExternalStore } from 'react'

import { uuidPattern } from '@common/model-id'

// Which models the reader asked to be told about: ids only (never anything about the key), for
// this tab's session, shared by the panel's toggle, the toolbar's and the watcher.

const storageKey = 'marqtune-watched-models'
const listeners = new Set<() => void>()
let watched: readonly string[] = read()

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function notify() {
  for (const listener of listeners) listener()
}

function read(): readonly string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]')
    return Array.isArray(value)
      ? value.filter((id): id is string => typeof id === 'string' && uuidPattern.test(id))
      : []
  } catch {
    return []
  }
}

export function setWatched(ids: readonly string[]): void {
  watched = [...new Set(ids)]
  try {
    if (watched.length) sessionStorage.setItem(storageKey, JSON.stringify(watched))
    else sessionStorage.removeItem(storageKey)
  } catch {
    // Storage refused (private mode, full): watching still works until the tab closes.
  }
  notify()
}

export function useWatchedIds(): readonly string[] {
  return useSyncExternalStore(subscribe, () => watched)
}

/** `unsupported`: no Notification API, or one whose constructor this browser refuses. */
export type Permission = NotificationPermission | 'unsupported'

/** This browser refused to show a notification from the page (use-watching.ts). */
let refused = false

/**
 * Asked only on the reader's click that turns watching on: the browser's prompt for desktop
 * notifications, the first time. Denied or unsupported leaves the in-page notice and the title.
 */
export async function askToNotify(): Promise<Permission> {
  if (typeof Notification === 'undefined' || refused) return 'unsupported'
  if (Notification.permission !== 'default') return Notification.permission
  try {
    return await Notification.requestPermission()
  } catch {
    return Notification.permission
  }
}

function knownPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

let permission: Permission = knownPermission()

/**
 * The browser would not construct a notification although permission was granted (Chrome for
 * Android): from now on, for this page, notifications count as unsupported.
 */
export function notificationsRefused(): void {
  refused = true
  permission = 'unsupported'
  notify()
}

/** What the browser answered when last asked (or knew before): for the in-page explanation. */
export function useNotifyPermission(): Permission {
  return useSyncExternalStore(subscribe, () => permission)
}

/** The watch toggles' shared click: on asks permission (once), off just stops. */
export function toggleWatching(ids: readonly string[], on: boolean): void {
  const current = new Set(watched)
  if (on) {
    ids.forEach((id) => current.add(id))
    void askToNotify().then((answer) => {
      permission = answer
      notify()
    })
  } else {
    ids.forEach((id) => current.delete(id))
  }
  setWatched([...current])
}

/**
 * A new page, for tests (which share one, vitest.config.ts): the ids re-read from storage, and
 * what the browser said about notifications (its permission, a refusal) forgotten.
 */
export function reloadWatched(): void {
  watched = read()
  refused = false
  permission = knownPermission()
  notify()
}
