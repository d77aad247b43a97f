import { useEffect, useId, useRef, useState } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Button } from '@/components/button'
import { baseColumnIds, columnMeta } from '@/models/columns/column-registry'
import { hyperparameterPrefix } from '@/models/columns/hyperparameter-columns'
import { nameColumnId } from '@/models/columns/model-columns'
import { hyperparameterKeys } from '@/models/domain/hyperparameters'
import { displayName } from '@/models/domain/model-fields'

import { CompareLossChart } from './compare-loss-chart'

type Row = { id: string; label: string; mono: boolean; values: string[] }

const absent = '—'

/**
 * One row per column of the table (the name heads each model's column), then one per
 * hyperparameter any of them has: the same labels and texts as the table and its CSV export.
 */
function compareRows(models: Model[]): Row[] {
  const ids = [
    ...baseColumnIds.filter((id) => id !== nameColumnId),
    ...hyperparameterKeys(models).map((key) => hyperparameterPrefix + key),
  ]
  return ids.flatMap((id) => {
    const meta = columnMeta(id)
    if (!meta) return []
    const textOf = meta.readable ?? meta.text
    return [
      {
        id,
        label: meta.label,
        mono: meta.mono ?? false,
        values: models.map((model) => textOf(model) || absent),
      },
    ]
  })
}

/**
 * 2 to 6 models side by side: their loss curves on one chart, then every field with the rows that
 * differ marked, optionally nothing else.
 */
export function CompareView({
  models,
  credentials,
  onOpen,
  onClose,
}: {
  models: Model[]
  credentials: Credentials
  onOpen: (modelId: string) => void
  onClose: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [onlyDifferences, setOnlyDifferences] = useState(false)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const rows = compareRows(models).map((row) => ({ ...row, differs: new Set(row.values).size > 1 }))
  // Never empty: ids are unique, so the ID row always differs (alike in all else, it is alone).
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows
  const differing = rows.filter((row) => row.differs).length

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className="m-auto h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-none rounded-xl border border-border p-0 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <div className="flex h-full flex-col">
        <header className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3">
          <h2 id={titleId} className="text-lg font-semibold">
            Comparing {models.length} models
          </h2>
          <p className="text-sm text-muted-foreground">
            {differing} of {rows.length} rows differ
          </p>
          <label className="ml-auto flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={onlyDifferences}
              onChange={(event) => setOnlyDifferences(event.target.checked)}
              className="size-4 accent-(--accent)"
            />
            Only differences
          </label>
          <form method="dialog">
            <Button type="submit">Close</Button>
          </form>
        </header>
        <div className="min-h-0 flex-1 overflow-auto">
          <CompareLossChart models={models} credentials={credentials} />
          <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
            <caption className="sr-only">
              The chosen models side by side; rows marked “differs” have different values.
            </caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="sticky top-0 left-0 z-[2] border-b border-border bg-muted px-3 py-2"
                >
                  <span className="sr-only">Field</span>
                </th>
                {models.map((model) => (
                  <th
                    key={model.modelId}
                    scope="col"
                    className="sticky top-0 z-[1] min-w-48 border-b border-border bg-muted px-3 py-2 font-semibold"
                  >
                    <button
                      type="button"
                      onClick={() => onOpen(model.modelId)}
                      className="text-left text-accent-text underline underline-offset-2 hover:no-underline"
                    >
                      {displayName(model)}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id} className={row.differs ? 'bg-warning-soft' : ''}>
                  <th
                    scope="row"
                    className={`sticky left-0 border-b border-border px-3 py-1.5 font-medium whitespace-nowrap ${row.differs ? 'bg-warning-soft' : 'bg-surface'} ${row.mono ? 'font-mono text-xs' : ''}`}
                  >
                    {row.label}
                    {row.differs ? (
                      <span className="ml-2 rounded bg-highlight px-1 font-sans text-xs font-medium text-warning-text">
                        differs
                      </span>
                    ) : null}
                  </th>
                  {row.values.map((value, position) => (
                    <td
                      // oxlint-disable-next-line react/no-array-index-key -- one cell per compared model, in order
                      key={position}
                      className={`border-b border-border px-3 py-1.5 break-all ${row.mono ? 'font-mono text-xs' : ''}`}
                    >
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </dialog>
  )
}
