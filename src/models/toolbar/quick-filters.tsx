import { phaseLabelOf, phasesOf, statusPhase } from '@/models/domain/status'
import type { FacetOption } from '@/models/engine/facets'

/** The questions, each one stable phase value in the URL (`?phase=in-progress`). */
export const quickFilters = ['failed', 'in-progress', 'ready'].map((value) => ({
  value,
  label: phaseLabelOf(value),
}))

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((value) => right.has(value))
}

/** Whether the phase values chosen are exactly one quick filter's question. */
export function isQuickFilter(selected: readonly string[]): boolean {
  return quickFilters.some(({ value }) => sameSet(phasesOf(selected), phasesOf([value])))
}

/**
 * One-click answers to the common questions, as shortcuts into the phase facet: a model's phase
 * reads both of its statuses, as its badge does. A link keeps its meaning whatever the account
 * holds when it is opened: `in-progress` is queued and running, even when none is.
 */
export function QuickFilters({
  options,
  counts,
  selected,
  onChange,
  status,
}: {
  /** The phase facet's options: the phases this account has. */
  options: readonly FacetOption[]
  /** Per option: the models it would show under the other filters. */
  counts: Uint32Array
  selected: readonly string[]
  onChange: (values: string[]) => void
  /**
   * The status facet: choosing every spelling of a phase there (`failed / Failed`, or an old
   * link's `?status=failed`) answers the same question, so its button shows pressed too.
   */
  status: {
    options: () => readonly FacetOption[]
    selected: readonly string[]
    onClear: () => void
  }
}) {
  return (
    <fieldset className="flex flex-none gap-1.5">
      <legend className="sr-only">Quick filters</legend>
      {quickFilters.map(({ label, value }) => {
        const phases = phasesOf([value])
        let count = 0
        options.forEach((option, position) => {
          if (phases.includes(option.key)) count += counts[position] ?? 0
        })
        const byPhase = selected.length > 0 && sameSet(phasesOf(selected), phases)
        const byStatus =
          !selected.length &&
          status.selected.length > 0 &&
          sameSet(
            status
              .options()
              .filter((option) => phases.includes(statusPhase(option.key)))
              .map((option) => option.key),
            status.selected,
          )
        const pressed = byPhase || byStatus
        return (
          <button
            key={value}
            type="button"
            aria-pressed={pressed}
            onClick={() => {
              if (byStatus) status.onClear()
              onChange(pressed ? [] : [value])
            }}
            data-quick-filter={label}
            className="inline-flex min-h-8 flex-none items-center rounded-full bg-surface px-3 text-sm whitespace-nowrap text-foreground ring-1 ring-input ring-inset hover:bg-muted aria-pressed:bg-accent-soft aria-pressed:text-accent-text aria-pressed:ring-accent"
          >
            {label}
            {/* The count is read out by the summary bar's buttons: the name stays the question. */}
            <span aria-hidden="true" className="ml-1.5 text-xs text-muted-foreground tabular-nums">
              {count}
            </span>
          </button>
        )
      })}
    </fieldset>
  )
}
