/** A value computed on first use and kept: for derived data most views never need. */
export function lazily<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined
  return () => (computed ??= { value: compute() }).value
}
