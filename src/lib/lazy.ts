/** A value computed on first use and kept: for derived data most views never need. */
export function lazily<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined
  return () => (computed ??= { value: compute() }).value
}

/** `compute(list)`, worked out once per list: the lists of a response are never changed in place. */
export function oncePerList<L extends object, T>(compute: (list: L) => T): (list: L) => T {
  const results = new WeakMap<L, { value: T }>()
  return (list) => {
    let result = results.get(list)
    if (!result) results.set(list, (result = { value: compute(list) }))
    return result.value
  }
}

const noop = () => {}

/**
 * Runs `work` in idle periods, each call given the milliseconds left in that period, until it
 * returns true (done). Where there is no requestIdleCallback, short timeouts stand in. Returns a
 * function that stops it.
 */
export function whileIdle(work: (budgetMs: number) => boolean): () => void {
  let cancel: () => void = noop
  const schedule = () => {
    if ('requestIdleCallback' in window) {
      const handle = requestIdleCallback((deadline) => {
        if (!work(deadline.timeRemaining())) schedule()
      })
      cancel = () => cancelIdleCallback(handle)
    } else {
      const handle = setTimeout(() => {
        if (!work(8)) schedule()
      }, 20)
      cancel = () => clearTimeout(handle)
    }
  }
  schedule()
  return () => cancel()
}

/**
 * Fetches a module loaded on demand (`preloadable`) in the first idle period, so that it is in
 * when first needed. Offline, or if that fails, it loads when needed. Returns a function that
 * stops it.
 */
export function preloadWhileIdle(load: () => Promise<unknown>): () => void {
  return whileIdle(() => {
    if (navigator.onLine) load().catch(() => undefined)
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
