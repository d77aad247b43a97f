import { toneClasses } from '@/components/badge'
import { plural } from '@/lib/format'
import { phaseLooks } from '@/models/columns/status-badge'
import { phaseLabels, type StatusPhase } from '@/models/domain/status'
import type { FacetOption } from '@/models/engine/facets'

/** The order of the bar's segments: finished well, on the way, then the rest. */
const order: StatusPhase[] = ['ready', 'running', 'waiting', 'failed', 'stopped', 'unknown']

/** `Failed: 5 models`: the name of a segment, and what it filters to. */
export function phaseSummaryName(label: string, count: number, noun = 'model'): string {
  return `${label}: ${plural(count, noun)}`
}

/**
 * The account at a glance: one segment per phase that has models, as wide as its share, each a
 * button that filters to that phase (the quick filters' phase facet). Never colour alone: each
 * shows its icon and count, and is named with its words.
 */
export function AccountSummary({
  options,
  selected,
  onChange,
  noun = 'model',
}: {
  /** The phase facet's options, with their totals over the whole account. */
  options: readonly Pick<FacetOption, 'key' | 'total'>[]
  selected: readonly string[]
  onChange: (values: string[]) => void
  /** What is counted: models, or the Evaluations view's evaluations. */
  noun?: 'model' | 'evaluation'
}) {
  const present = order.flatMap((phase) => {
    const option = options.find((candidate) => candidate.key === phase)
    return option && option.total > 0
      ? [
          {
            phase,
            label: phaseLabels[phase],
            fill: toneClasses[phaseLooks[phase].tone],
            total: option.total,
          },
        ]
      : []
  })
  if (!present.length) return null
  return (
    <nav
      aria-label={`${noun === 'model' ? 'Models' : 'Evaluations'} by status`}
      className="flex w-full flex-none gap-0.5 overflow-hidden rounded-md"
    >
      {present.map(({ phase, label, fill, total }) => {
        const pressed = selected.length === 1 && selected[0] === phase
        return (
          <button
            key={phase}
            type="button"
            aria-pressed={pressed}
            aria-label={phaseSummaryName(label, total, noun)}
            title={phaseSummaryName(label, total, noun)}
            onClick={() => onChange(pressed ? [] : [phase])}
            // The share of the account: grows by its count beyond the room its text needs.
            style={{ flexGrow: total }}
            className={`flex min-w-fit basis-0 items-center justify-center gap-1 px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset hover:brightness-95 focus-visible:-outline-offset-2 aria-pressed:ring-2 aria-pressed:ring-accent ${fill}`}
          >
            <span aria-hidden="true">{phaseLooks[phase].icon}</span>
            <span className="hidden sm:inline">{label}</span>
            <span>{total}</span>
          </button>
        )
      })}
    </nav>
  )
}
