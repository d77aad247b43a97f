import { Popover } from '../components/popover'
import type { FacetOption } from './model-index'

const triggerClasses =
  'inline-flex items-center gap-1.5 rounded-md border border-dashed border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

/** One facet: each value of a column with how many models it would show, several may be chosen. */
export function FacetFilter({
  title,
  options,
  counts,
  selected,
  onChange,
}: {
  title: string
  options: FacetOption[]
  counts: Uint32Array | undefined
  selected: readonly string[]
  onChange: (values: string[]) => void
}) {
  const chosen = new Set(selected)
  // Most common first; chosen options stay visible even when nothing matches them now.
  const sorted = options
    .map((option, position) => ({ ...option, count: counts?.[position] ?? 0 }))
    .toSorted((a, b) => b.total - a.total || a.label.localeCompare(b.label))

  const summary =
    selected.length === 1
      ? (options.find((option) => option.key === selected[0])?.label ?? selected[0])
      : selected.length
        ? `${selected.length} selected`
        : ''

  function toggle(key: string) {
    const next = new Set(chosen)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    onChange(options.filter((option) => next.has(option.key)).map((option) => option.key))
  }

  return (
    <Popover
      label={`Filter by ${title.toLowerCase()}`}
      triggerLabel={`${title} filter${summary ? `: ${summary}` : ''}`}
      triggerClassName={triggerClasses}
      trigger={
        <>
          <span aria-hidden="true">⊕</span>
          {title}
          {summary ? (
            <span className="max-w-40 truncate rounded bg-indigo-100 px-1.5 text-xs font-medium text-indigo-800">
              {summary}
            </span>
          ) : null}
        </>
      }
    >
      <fieldset>
        <legend className="px-2 py-1 text-xs font-semibold text-slate-600 uppercase">
          {title}
        </legend>
        <ul className="flex flex-col">
          {sorted.map((option) => (
            <li key={option.key}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-slate-100">
                <input
                  type="checkbox"
                  checked={chosen.has(option.key)}
                  onChange={() => toggle(option.key)}
                  className="size-4 accent-indigo-700"
                />
                <span className="min-w-0 flex-1 truncate" title={option.label}>
                  {option.label}
                </span>
                <span className="text-xs text-slate-600 tabular-nums">
                  {option.count.toLocaleString('en')}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {selected.length ? (
        <button
          type="button"
          onClick={() => onChange([])}
          className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-indigo-700 hover:bg-slate-100"
        >
          Clear {title.toLowerCase()} filter
        </button>
      ) : null}
    </Popover>
  )
}
