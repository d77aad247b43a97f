import { memo, type ReactNode } from 'react'

import type { SortRule } from '@/models/engine/ranks'
import { keyMetrics, type EvaluationRow } from '@/models/domain/evaluation-rows'
import { rowTone } from '@/models/table/grid-styles'

import {
  CheckpointCell,
  FailureCell,
  MetricCell,
  ModelCell,
  StatusCell,
  rowReading,
  type EvaluationListProps,
  type RowReading,
} from './evaluation-cells'

type Column = {
  id: string
  label: string
  /** The column's width; none takes what is left. */
  width?: string
  numeric?: boolean
  cell: (row: EvaluationRow, context: CellContext) => ReactNode
}

type CellContext = { reading: RowReading; onOpenModel: (modelId: string) => void }

/** The columns, in order: fixed widths that fit 1280 px, the failure reason taking the rest. */
export const evaluationColumns: readonly Column[] = [
  { id: 'status', label: 'Status', width: 'w-[9.25rem]', cell: (row) => <StatusCell row={row} /> },
  { id: 'dataset', label: 'Dataset', width: 'w-[11rem]', cell: (row) => <DatasetText row={row} /> },
  {
    id: 'model',
    label: 'Model',
    width: 'w-[15rem]',
    cell: (row, { onOpenModel }) => <ModelCell row={row} onOpenModel={onOpenModel} />,
  },
  {
    id: 'checkpoint',
    label: 'Checkpoint',
    width: 'w-[7rem]',
    cell: (row) => <CheckpointCell row={row} />,
  },
  ...keyMetrics.map(({ key, name }): Column => ({
    id: key,
    label: name,
    width: 'w-[7rem]',
    numeric: true,
    cell: (row, { reading }) => <MetricCell row={row} metricKey={key} reading={reading} />,
  })),
  { id: 'failure', label: 'Failure reason', cell: (row) => <FailureCell row={row} /> },
]

function DatasetText({ row }: { row: EvaluationRow }) {
  return (
    <span className="truncate" title={row.evaluation.datasetId ?? row.dataset}>
      {row.dataset}
    </span>
  )
}

/** Metrics are better high: their first click shows the best first. */
export function firstDirection(id: string): boolean {
  return keyMetrics.some((metric) => metric.key === id)
}

/** A header's click: sort by it, then the other way, then back to newest first. */
export function nextSort(current: SortRule | undefined, id: string): SortRule | null {
  const first = firstDirection(id)
  if (current?.id !== id) return { id, desc: first }
  return current.desc === first ? { id, desc: !first } : null
}

const cell = 'border-b border-border px-3 py-1.5 align-middle'

/**
 * Every evaluation as a row of a table (the account holds tens to a few hundred: no virtual
 * rows), scrolling inside its own area under a header that stays. Each header sorts: `aria-sort`
 * says how. The only controls in a row are the links to models, so Tab crosses the table quickly.
 */
export function EvaluationsTable({ rows, sort, onSort, state, onOpenModel }: EvaluationListProps) {
  return (
    // Relative: what is placed absolutely inside (screen-reader text) scrolls here, not the page.
    <div className="relative min-h-0 flex-1 overflow-auto rounded-lg border border-border bg-surface">
      <table className="w-full min-w-[73rem] table-fixed border-separate border-spacing-0 text-sm">
        <caption className="sr-only">
          Every evaluation of the account: status, dataset, model and checkpoint, metrics and
          failure reason
        </caption>
        <colgroup>
          {evaluationColumns.map((column) => (
            <col key={column.id} className={column.width} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-[1]">
          <tr>
            {evaluationColumns.map((column) => {
              const sorted =
                sort?.id === column.id ? (sort.desc ? 'descending' : 'ascending') : undefined
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={sorted}
                  className={`border-b border-border bg-muted text-xs font-semibold text-muted-foreground ${column.numeric ? 'text-right' : 'text-left'}`}
                >
                  <button
                    type="button"
                    onClick={() => onSort(nextSort(sort, column.id))}
                    // A number's label ends where its numbers end; the arrow goes before it.
                    className={`flex min-h-9 w-full items-center gap-1 px-3 hover:text-foreground focus-visible:-outline-offset-2 ${column.numeric ? 'flex-row-reverse' : ''}`}
                  >
                    {column.label}
                    <span aria-hidden="true" className="w-3 flex-none">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { reading, failure } = rowReading(state, row)
            return (
              <TableRow
                key={row.evaluation.evaluationId}
                row={row}
                reading={reading}
                failure={failure}
                onOpenModel={onOpenModel}
              />
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** One evaluation's row: repainted only when its row, its reading or its failure changes. */
const TableRow = memo(function TableRow({
  row,
  reading,
  failure,
  onOpenModel,
}: {
  row: EvaluationRow
  reading: boolean
  failure: Error | undefined
  onOpenModel: (modelId: string) => void
}) {
  const context = { reading: { reading, failure }, onOpenModel }
  return (
    <tr data-evaluation-id={row.evaluation.evaluationId} className={rowTone({})}>
      {evaluationColumns.map((column) => (
        <td key={column.id} className={`${cell} ${column.numeric ? 'text-right' : ''}`}>
          <div
            className={`flex min-w-0 items-center overflow-hidden whitespace-nowrap ${column.numeric ? 'justify-end' : ''}`}
          >
            {column.cell(row, context)}
          </div>
        </td>
      ))}
    </tr>
  )
})
