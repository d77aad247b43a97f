import { lazy, Suspense } from 'react'

import { ErrorBoundary } from '@/components/error-boundary'
import { buttonClasses } from '@/components/button'
import { Popover } from '@/components/popover'

const ColumnChoices = lazy(() =>
  import('./column-choices').then((module) => ({ default: module.ColumnChoices })),
)

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
    <Popover
      label="Columns"
      triggerClassName={buttonClasses('secondary', 'sm')}
      trigger="Columns ▾"
      triggerLabel="Columns"
    >
      <ErrorBoundary what="The column choices">
        <Suspense fallback={<p className="px-2 py-1 text-sm text-muted-foreground">Loading…</p>}>
          <ColumnChoices {...props} />
        </Suspense>
      </ErrorBoundary>
    </Popover>
  )
}
