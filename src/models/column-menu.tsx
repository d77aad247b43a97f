import { lazy, Suspense } from 'react'

import { Popover } from '../components/popover'

const ColumnChoices = lazy(() =>
  import('./column-choices').then((module) => ({ default: module.ColumnChoices })),
)

const triggerClasses =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

export type ColumnMenuProps = {
  visible: readonly string[]
  /** Every hyperparameter key of the account; a scan of every model, so only called when open. */
  hyperparameterKeys: () => readonly string[]
  /** Computed on demand: the keys whose values differ among the models shown. */
  varyingKeys: () => string[]
  onChange: (visible: string[]) => void
  onReset: () => void
}

/** Show or hide columns, add any hyperparameter as a column, or the ones that differ. */
export function ColumnMenu(props: ColumnMenuProps) {
  return (
    <Popover label="Columns" triggerClassName={triggerClasses} trigger="Columns">
      <Suspense fallback={<p className="px-2 py-1 text-sm text-slate-600">Loading…</p>}>
        <ColumnChoices {...props} />
      </Suspense>
    </Popover>
  )
}
