import type { StatusPhase } from '@/models/domain/status'
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
  selected,
  onChange,
}: {
  /** The phase facet's options: the phases this account has. */
  options: readonly FacetOption[]
  selected: readonly string[]
  onChange: (values: string[]) => void
}) {
  return (
    <fieldset className="flex flex-wrap gap-1.5">
      <legend className="sr-only">Quick filters</legend>
      {questions.map(({ label, phases }) => {
        const keys = options
          .filter((option) => phases.some((phase) => phase === option.key))
          .map((option) => option.key)
        const pressed =
          keys.length > 0 &&
          keys.length === selected.length &&
          keys.every((key) => selected.includes(key))
        return (
          <button
            key={label}
            type="button"
            aria-pressed={pressed}
            disabled={!keys.length}
            onClick={() => onChange(pressed ? [] : keys)}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-50 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
          >
            {label}
          </button>
        )
      })}
    </fieldset>
  )
}
