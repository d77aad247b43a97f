// oxlint-disable jsx-a11y/prefer-tag-over-role -- rows out of table layout, placed by the virtualiser: the ARIA grid pattern on divs
import { memo, type ReactNode } from 'react'

import type { Model } from '@/api/model-schema'
import { Highlight } from '@/components/highlight'
import type { ModelColumnMeta } from '@/models/columns/column-meta'
import { displayName } from '@/models/domain/model-fields'

import { rowIdOf } from './grid-cells'
import { cellClasses, pinnedCell as pinned, rowTone, textCell } from './grid-styles'

export type GridColumn = { id: string; meta: ModelColumnMeta }

export type RowState = {
  /** Its panel is open. */
  open: boolean
  /** Ticked: in the selection the actions work on. */
  selected: boolean
  /** Its status just changed: highlighted for a moment. */
  changed: boolean
  /** A delete of this model is under way: it stays until the service has answered. */
  deleting: boolean
}

type GridRowProps = RowState & {
  model: Model
  /** Its place among the rows shown (0-based). */
  index: number
  top: number
  height: number
  columns: readonly GridColumn[]
  /** The column of the grid's focusable cell when it is in this row, else -1. */
  activeCol: number
  onToggleSelected: (modelId: string) => void
}

/**
 * What a row of the grid, or a phone's card, says of itself and where it stands: its place
 * (`aria-rowindex` counts the header row, where there is one), its state, the model it shows.
 */
export function rowProps(
  model: Model,
  state: RowState,
  place: { index: number; ariaRowIndex: number; top: number; height: number },
) {
  return {
    role: 'row',
    'aria-rowindex': place.ariaRowIndex,
    'aria-selected': state.selected,
    'aria-current': state.open || undefined,
    'aria-busy': state.deleting || undefined,
    id: rowIdOf(place.index),
    'data-index': place.index,
    'data-model-id': model.modelId,
    'data-changed': state.changed || undefined,
    style: { height: place.height, transform: `translateY(${place.top}px)` },
  } as const
}

/**
 * A row's selection box: not a tab stop of its own (the row's keys tick it). On a phone's card,
 * in a 40 px target: fingers, not a mouse.
 */
export function SelectBox({
  name,
  selected,
  onToggle,
  touch = false,
}: {
  name: string
  selected: boolean
  onToggle: () => void
  touch?: boolean
}) {
  const box = (
    <input
      type="checkbox"
      tabIndex={-1}
      checked={selected}
      onChange={onToggle}
      aria-label={`Select ${name}`}
      className={`cursor-pointer accent-(--accent) ${touch ? 'size-5' : 'size-4'}`}
    />
  )
  return touch ? <label className="-m-2.5 flex flex-none p-2.5">{box}</label> : box
}

/** A model's name with the search's matches marked, or that it has none. */
export function ModelName({ model }: { model: Model }) {
  return model.modelName ? (
    <Highlight text={model.modelName} />
  ) : (
    <span className="text-muted-foreground">(no name)</span>
  )
}

/** A model some of whose fields were read with warnings (the panel lists them). */
export function WarningsMark({ className }: { className: string }) {
  return (
    <span className={`text-warning-text ${className}`} title="Some fields were read with warnings">
      <span aria-hidden="true">⚠</span>
      <span className="sr-only">Read with warnings: </span>
    </span>
  )
}

/** A model whose delete is under way: it stays until the service has answered. */
export function DeletingBadge({ className }: { className: string }) {
  return (
    <span
      className={`rounded bg-danger-soft px-1.5 text-xs text-danger-text ring-1 ring-danger-text/30 ${className}`}
    >
      Deleting…
    </span>
  )
}

/** The cell's own content, or its text with the search's matches marked. */
function cellContent(meta: ModelColumnMeta, model: Model): ReactNode {
  if (meta.cell) return meta.cell(model)
  const text = meta.text(model)
  return meta.highlight ? <Highlight text={text} /> : text
}

/**
 * One model as a row of the grid: out of table layout (placed absolutely by the virtualiser,
 * its columns from the grid's shared template), so scrolling lays out only the rows that come
 * into view. Memoised on its props: the model, its state and whether it holds the focusable
 * cell; a filter that keeps a row in place does not render it again.
 */
export const GridRow = memo(function GridRow({
  model,
  index,
  top,
  height,
  columns,
  activeCol,
  open,
  selected,
  changed,
  deleting,
  onToggleSelected,
}: GridRowProps) {
  const name = displayName(model)
  const focusable = (col: number) => (activeCol === col ? 0 : -1)
  return (
    <div
      {...rowProps(
        model,
        { open, selected, changed, deleting },
        { index, ariaRowIndex: index + 2, top, height },
      )}
      // Its size is its own (a set height, the grid's width): a row that shows another model as
      // the grid scrolls is laid out and painted alone.
      className={`absolute top-0 left-0 grid w-full min-w-(--grid-min-width) cursor-pointer grid-cols-(--grid-columns) border-b border-border text-sm [contain:strict] ${rowTone({ open, changed, selected })}`}
    >
      <div
        role="gridcell"
        data-col={0}
        tabIndex={focusable(0)}
        className={`${cellClasses} ${pinned} left-0 justify-center px-0 focus-visible:-outline-offset-2`}
      >
        <SelectBox
          name={name}
          selected={selected}
          onToggle={() => onToggleSelected(model.modelId)}
        />
      </div>
      <div
        role="rowheader"
        data-col={1}
        data-highlight
        tabIndex={focusable(1)}
        title={name}
        className={`${cellClasses} ${pinned} left-10 gap-1.5 font-medium text-foreground shadow-[inset_-1px_0_0_var(--border)] focus-visible:-outline-offset-2`}
      >
        {model.warnings.length ? <WarningsMark className="flex-none" /> : null}
        <span className="truncate">
          <ModelName model={model} />
        </span>
        {deleting ? <DeletingBadge className="flex-none" /> : null}
      </div>
      {columns.slice(1).map(({ id, meta }, position) => (
        <div
          key={id}
          role="gridcell"
          data-col={position + 2}
          data-highlight={meta.highlight}
          tabIndex={focusable(position + 2)}
          title={meta.parts ? undefined : (meta.readable ?? meta.text)(model)}
          className={`${meta.parts ? `${cellClasses} gap-2` : textCell} focus-visible:-outline-offset-2 ${meta.align === 'end' ? (meta.parts ? 'justify-end' : 'text-right') : ''} ${meta.cellClass ?? ''}`}
        >
          {cellContent(meta, model)}
        </div>
      ))}
    </div>
  )
})
