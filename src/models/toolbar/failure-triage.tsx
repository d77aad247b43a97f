import { plural } from '@/lib/format'
import type { FacetOption } from '@/models/engine/facets'

const shownGroups = 8

export type FailureTriageProps = {
  /** The failure reason facet's options: one per group. */
  options: readonly FacetOption[]
  selected: readonly string[]
  onChange: (values: string[]) => void
}

/**
 * Failed models grouped by what went wrong, most common first: one click shows a group.
 * The groups are the options of the failure reason facet.
 */
export function FailureTriage({ options, selected, onChange }: FailureTriageProps) {
  const groups = options
    .filter((option) => option.key !== '')
    .toSorted((a, b) => b.total - a.total || a.label.localeCompare(b.label))
  if (groups.length === 0) return null
  const hidden = groups.length - shownGroups
  return (
    <section
      aria-labelledby="failure-triage-title"
      className="rounded-lg border border-danger-text/30 bg-danger-soft px-3 py-2"
    >
      <h2 id="failure-triage-title" className="text-sm font-semibold text-danger-text">
        Why models failed: {plural(groups.length, 'reason')}
      </h2>
      <ul className="mt-1.5 flex flex-wrap gap-1.5">
        {groups.slice(0, shownGroups).map((group) => {
          const pressed = selected.includes(group.key)
          return (
            <li key={group.key} className="max-w-full">
              <button
                type="button"
                aria-pressed={pressed}
                onClick={() => onChange(pressed ? [] : [group.key])}
                title={group.label}
                className="flex min-h-8 max-w-full items-center gap-2 rounded-md border border-danger-text/30 bg-surface px-2.5 py-1 text-left text-sm text-foreground hover:bg-danger-soft aria-pressed:border-danger-text aria-pressed:bg-danger-soft"
              >
                <span className="truncate">{group.label}</span>
                <span className="shrink-0 rounded bg-danger-soft px-1.5 text-xs font-semibold text-danger-text tabular-nums">
                  {group.total}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      {hidden > 0 ? (
        <p className="mt-1 text-xs text-muted-foreground">
          {plural(hidden, 'more reason')} in the Failure reason filter.
        </p>
      ) : null}
    </section>
  )
}
