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
