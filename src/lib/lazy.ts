/** A value computed on first use and kept: for derived data most views never need. */
export function lazily<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined
  return () => (computed ??= { value: compute() }).value
}

/** Runs `task` when the browser is idle (soon after, where there is no requestIdleCallback). */
export function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = requestIdleCallback(task)
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(task, 50)
  return () => clearTimeout(handle)
}
