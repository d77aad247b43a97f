import { whileIdle } from './idle'

/**
 * Fetches a module loaded on demand (`preloadable`) now, so that it is in when first needed.
 * Offline, or if that fails, it loads when needed.
 */
export function preload(load: () => Promise<unknown>): void {
  if (navigator.onLine) load().catch(() => undefined)
}

/**
 * `preload` in the first idle period, for what is only likely to be needed. Returns a function
 * that stops it.
 */
export function preloadWhileIdle(load: () => Promise<unknown>): () => void {
  return whileIdle(() => {
    preload(load)
    return true
  })
}

type Tracked<T> = Promise<T> & { status?: 'fulfilled'; value?: T }

/**
 * A module loaded on first need, or earlier (`load()` while idle). Once it is in, the promise is
 * marked fulfilled the way React's `use()` reads it, so a component that needs it renders in the
 * same frame instead of suspending once more. A failed load is forgotten: the next call tries again.
 */
export function preloadable<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Tracked<T> | undefined
  return () => {
    if (loading) return loading
    const promise: Tracked<T> = load()
    loading = promise
    promise.then(
      (value) => {
        promise.status = 'fulfilled'
        promise.value = value
      },
      () => {
        if (loading === promise) loading = undefined
      },
    )
    return promise
  }
}
