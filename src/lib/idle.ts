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
