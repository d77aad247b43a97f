import type { ReactNode } from 'react'

import { Button } from '@/components/button'
import { useCopy } from '@/components/copy-button'
import { formatCount, plural } from '@/lib/format'
import { maxCompared } from '@/models/view/use-selection'

import { ScreenSwitch } from './screen-switch'

/** The ticked models: compare 2 to 6 of them, delete any number (absent when not allowed). */
export type SelectionControl = {
  count: number
  onCompare: () => void
  onClear: () => void
  onDelete?: () => void
}

/**
 * One line of fixed height above the grid: how many models are shown, what is selected and
 * what can be done with it, whether the dashboard is read-only, how fresh the list is, and a
 * link to this view; first, the switch to the Evaluations view and back. Nothing here changes its height, so the grid below never moves.
 */
export function ListStatus({
  shown,
  total,
  selection,
  readOnly,
  freshness,
}: {
  shown: number
  total: number
  selection: SelectionControl
  readOnly: boolean
  /** "Updated 12 s ago" and Refresh, from the loader. */
  freshness: ReactNode
}) {
  const copy = useCopy()
  const { count } = selection
  return (
    <div className="flex h-8 flex-none items-center gap-2 overflow-x-auto text-sm whitespace-nowrap">
      <ScreenSwitch />
      <output aria-live="polite" className="text-muted-foreground">
        {shown === total
          ? plural(total, 'model')
          : `${formatCount(shown)} of ${plural(total, 'model')}`}
      </output>
      {count ? (
        <span className="flex items-center gap-1.5">
          <span className="text-foreground">· {formatCount(count)} selected</span>
          <Button
            size="sm"
            variant="primary"
            disabled={count < 2 || count > maxCompared}
            onClick={selection.onCompare}
            title={
              count < 2
                ? 'Choose at least two models'
                : count > maxCompared
                  ? `At most ${maxCompared} models can be compared`
                  : undefined
            }
          >
            Compare {count} {count === 1 ? 'model' : 'models'}
          </Button>
          {selection.onDelete ? (
            <Button size="sm" variant="danger-outline" onClick={selection.onDelete}>
              Delete {count} {count === 1 ? 'model' : 'models'}…
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={selection.onClear}>
            Clear selection
          </Button>
        </span>
      ) : null}
      {readOnly ? (
        <span
          title="This dashboard's server does not let it release checkpoints or delete models (READ_ONLY). Copying the code to do it elsewhere still works."
          className="rounded bg-muted px-1.5 text-xs text-muted-foreground ring-1 ring-input ring-inset"
        >
          Read-only
        </span>
      ) : null}
      <span className="ml-auto flex items-center gap-1.5 text-xs text-muted-foreground">
        {freshness}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => void copy(window.location.href, 'the link to this view')}
          title="Copy a link to this view: the search, filters, sort, columns and open model (never the key)"
        >
          Copy link
        </Button>
      </span>
    </div>
  )
}
