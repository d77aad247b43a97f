import { keyMetrics } from '@/models/domain/evaluation-rows'
import type { SortRule } from '@/models/engine/ranks'

import {
  CheckpointCell,
  MetricCell,
  ModelCell,
  StatusCell,
  rowReading,
  type EvaluationListProps,
} from './evaluation-cells'
import { evaluationColumns, firstDirection } from './evaluations-table'

/** A phone's sort: one choice of column and direction, as the table's headers give. */
function SortChoice({
  sort,
  onSort,
}: {
  sort: SortRule | undefined
  onSort: (sort: SortRule | null) => void
}) {
  const options = evaluationColumns.flatMap(({ id, label }) => {
    const first = firstDirection(id)
    return [
      {
        value: `${first ? '-' : ''}${id}`,
        label: `${label}, ${first ? 'highest' : 'A to Z'} first`,
      },
      {
        value: `${first ? '' : '-'}${id}`,
        label: `${label}, ${first ? 'lowest' : 'Z to A'} first`,
      },
    ]
  })
  const value = sort ? `${sort.desc ? '-' : ''}${sort.id}` : ''
  return (
    <label className="flex flex-none items-center gap-2 text-sm">
      Sort
      <select
        value={value}
        onChange={(event) => {
          const chosen = event.target.value
          onSort(chosen ? { id: chosen.replace(/^-/, ''), desc: chosen.startsWith('-') } : null)
        }}
        className="min-h-8 min-w-0 flex-1 rounded-md border border-input bg-surface px-2 text-sm text-foreground"
      >
        <option value="">Newest first</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** On a phone, each evaluation as a card instead of a squeezed table; the sort as a choice. */
export function EvaluationCards({ rows, sort, onSort, state, onOpenModel }: EvaluationListProps) {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <SortChoice sort={sort} onSort={onSort} />
      <ul
        aria-label="Evaluations"
        className="relative flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto"
      >
        {rows.map((row) => (
          <li
            key={row.evaluation.evaluationId}
            data-evaluation-id={row.evaluation.evaluationId}
            className="flex flex-col gap-1.5 rounded-lg border border-border bg-surface p-3 text-sm"
          >
            <div className="flex min-w-0 items-center gap-2">
              <StatusCell row={row} />
              <span className="truncate text-muted-foreground">{row.dataset}</span>
            </div>
            <div className="flex min-w-0 items-center gap-2">
              <ModelCell row={row} onOpenModel={onOpenModel} />
              <CheckpointCell row={row} />
            </div>
            <dl className="grid grid-cols-3 gap-2 text-xs">
              {keyMetrics.map(({ key, name }) => (
                <div key={key} className="flex min-w-0 flex-col">
                  <dt className="text-muted-foreground">{name}</dt>
                  <dd className="truncate">
                    <MetricCell row={row} metricKey={key} reading={rowReading(state, row)} />
                  </dd>
                </div>
              ))}
            </dl>
            {row.evaluation.failureReason ? (
              <p className="line-clamp-3 text-xs break-words text-danger-text">
                {row.evaluation.failureReason}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
