import { statusPhase, type StatusPhase } from '@/models/domain/status'
import type { FacetOption } from '@/models/engine/facets'

const questions: Array<{ label: string; phases: StatusPhase[] }> = [
  { label: 'Failed', phases: ['failed'] },
  { label: 'In progress', phases: ['waiting', 'running'] },
  { label: 'Ready', phases: ['ready'] },
]

/**
 * One-click answers to the common questions, as shortcuts into the phase facet: a model's phase
 * reads both of its statuses, as its badge does.
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
    <fieldset className="flex flex-wrap gap-1.5">
      <legend className="sr-only">Quick filters</legend>
      {questions.map(({ label, phases }) => {
        let count = 0
        const keys: string[] = []
        options.forEach((option, position) => {
          if (!phases.some((phase) => phase === option.key)) return
          keys.push(option.key)
          count += counts[position] ?? 0
        })
        const byPhase = sameKeys(keys, selected)
        const byStatus =
          !selected.length &&
          status.selected.length > 0 &&
          sameKeys(
            status
              .options()
              .filter((option) => phases.includes(statusPhase(option.key)))
              .map((option) => option.key),
            status.selected,
          )
        const pressed = keys.length > 0 && (byPhase || byStatus)
        return (
          <button
            key={label}
            type="button"
            aria-pressed={pressed}
            disabled={!keys.length}
            onClick={() => {
              if (byStatus) status.onClear()
              onChange(pressed ? [] : keys)
            }}
            data-quick-filter={label}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-50 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
          >
            {label}
            {/* The count is read out by the summary bar's buttons: the name stays the question. */}
            <span aria-hidden="true" className="ml-1.5 text-xs text-slate-500 tabular-nums">
              {count}
            </span>
          </button>
        )
      })}
    </fieldset>
  )
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key))
}
