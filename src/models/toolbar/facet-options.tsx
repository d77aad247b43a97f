import { useDeferredValue, useMemo, useState } from 'react'
import { formatCount } from '@/lib/format'

import type { FacetFilterProps } from './facet-filter'

/** Past this many values a facet gets its own search box. */
const searchableFrom = 10
/** At most this many values are listed at once; chosen ones are always listed. */
const listLimit = 100

/** A facet's values with their counts: loaded when a facet first opens. */
export function FacetOptions({
  title,
  facet,
  counts: countsFor,
  selected,
  onChange,
}: FacetFilterProps) {
  const { options } = facet()
  const counts = useMemo(() => countsFor(), [countsFor])
  const [filter, setFilter] = useState('')
  const needle = useDeferredValue(filter.trim().toLowerCase())
  const chosen = new Set(selected)
  const ranked = options
    .map((option, position) => ({ ...option, count: counts[position] ?? 0 }))
    .filter((option) => chosen.has(option.key) || option.label.toLowerCase().includes(needle))
    // Chosen first, then the most common; the order does not jump as counts change.
    .toSorted(
      (a, b) =>
        Number(chosen.has(b.key)) - Number(chosen.has(a.key)) ||
        b.total - a.total ||
        a.label.localeCompare(b.label),
    )
  const listed = ranked.slice(0, listLimit)

  function toggle(key: string) {
    const next = new Set(chosen)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    onChange(options.filter((option) => next.has(option.key)).map((option) => option.key))
  }

  return (
    <>
      {options.length >= searchableFrom ? (
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          aria-label={`Search ${title.toLowerCase()} values`}
          placeholder={`Search ${formatCount(options.length)} values…`}
          className="mb-1 w-full rounded-md border border-input bg-surface px-2 py-1 text-sm"
        />
      ) : null}
      <fieldset>
        <legend className="px-2 py-1 text-xs font-semibold text-muted-foreground">{title}</legend>
        <ul className="flex flex-col">
          {listed.map((option) => (
            <li key={option.key}>
              {/* Whole values, wrapped where they are long, each with its count. */}
              <label className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 hover:bg-muted">
                <input
                  type="checkbox"
                  checked={chosen.has(option.key)}
                  onChange={() => toggle(option.key)}
                  className="mt-0.5 size-4 flex-none accent-(--accent)"
                />
                <span className="min-w-0 flex-1 [overflow-wrap:anywhere] break-words">
                  {option.label}
                </span>
                <span className="flex-none text-xs text-muted-foreground tabular-nums">
                  {formatCount(option.count)}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {ranked.length > listed.length ? (
          <p className="px-2 py-1 text-xs text-muted-foreground">
            {formatCount(ranked.length - listed.length)} more: type to narrow the list.
          </p>
        ) : ranked.length === 0 ? (
          <p className="px-2 py-1 text-xs text-muted-foreground">No value matches.</p>
        ) : null}
      </fieldset>
      {selected.length ? (
        <button
          type="button"
          onClick={() => onChange([])}
          className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-accent-text hover:bg-muted"
        >
          Clear {title.toLowerCase()} filter
        </button>
      ) : null}
    </>
  )
}
