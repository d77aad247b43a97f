// oxlint-disable jsx-a11y/prefer-tag-over-role -- rows out of table layout, placed by the virtualiser: the ARIA grid pattern on divs
import { memo } from 'react'

import type { Model } from '@/api/model-schema'
import { Highlight } from '@/components/highlight'
import { formatCount } from '@/lib/format'
import { StatusBadge } from '@/models/columns/status-badge'
import { baseModelText, displayName, newestCheckpoint } from '@/models/domain/model-fields'

import {
  DeletingBadge,
  ModelName,
  rowProps,
  SelectBox,
  WarningsMark,
  type RowState,
} from './grid-row'

type ModelCardProps = RowState & {
  model: Model
  index: number
  top: number
  height: number
  /** It holds the grid's one focusable cell. */
  focusable: boolean
  onToggleSelected: (modelId: string) => void
}

/**
 * One model on a phone: a row of the same grid holding one cell, the card, with what tells
 * models apart (name, status and progress, base model, checkpoints) and the selection box. The
 * grid's keys work the same; a tap opens it.
 */
export const ModelCard = memo(function ModelCard({
  model,
  index,
  top,
  height,
  focusable,
  open,
  selected,
  changed,
  deleting,
  onToggleSelected,
}: ModelCardProps) {
  const name = displayName(model)
  const newest = newestCheckpoint(model)
  return (
    <div
      {...rowProps(
        model,
        { open, selected, changed, deleting },
        { index, ariaRowIndex: index + 1, top, height },
      )}
      className="absolute top-0 left-0 w-full cursor-pointer px-2 pt-2 [contain:layout_style]"
    >
      <div
        role="gridcell"
        data-col={0}
        tabIndex={focusable ? 0 : -1}
        className={`flex h-full flex-col gap-1.5 rounded-lg border p-3 text-sm ${
          open
            ? 'border-accent bg-accent-soft'
            : changed
              ? 'border-border bg-warning-soft'
              : selected
                ? 'border-accent/50 bg-accent-soft'
                : 'border-border bg-surface'
        }`}
      >
        <span className="flex min-w-0 items-center gap-2">
          <SelectBox
            name={name}
            selected={selected}
            onToggle={() => onToggleSelected(model.modelId)}
            touch
          />
          <span className="truncate font-medium text-foreground" data-highlight>
            {model.warnings.length ? <WarningsMark className="mr-1" /> : null}
            <ModelName model={model} />
          </span>
          {deleting ? <DeletingBadge className="ml-auto flex-none" /> : null}
        </span>
        <span data-highlight>
          <StatusBadge model={model} progress />
        </span>
        <span
          className="truncate font-mono text-xs text-muted-foreground"
          data-highlight
          title={baseModelText(model)}
        >
          <Highlight text={baseModelText(model)} />
        </span>
        <span className="truncate text-xs text-muted-foreground" data-highlight>
          {formatCount(model.checkpoints.length)}{' '}
          {model.checkpoints.length === 1 ? 'checkpoint' : 'checkpoints'}
          {newest ? (
            <>
              {' · newest '}
              <span className="font-mono">
                <Highlight text={newest} />
              </span>
            </>
          ) : null}
        </span>
      </div>
    </div>
  )
})
