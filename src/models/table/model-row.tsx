import { FlexRender, type ColumnDef, type Row } from '@tanstack/react-table'
import { memo } from 'react'

import type { Model } from '@/api/model-schema'
import { Highlight } from '@/components/highlight'
import type { modelTableFeatures } from '@/models/columns/column-meta'
import { displayName } from '@/models/domain/model-fields'

type ModelRowProps = {
  /** TanStack makes new row objects whenever the rows in view change, even for the same model. */
  row: Row<typeof modelTableFeatures, Model>
  /** Not read here (the row's cells come from them): the row renders again when they change. */
  visibility: Record<string, boolean>
  columns: Array<ColumnDef<typeof modelTableFeatures, Model>>
  index: number
  height: number
  active: boolean
  /** Its panel is open. */
  open: boolean
  /** Ticked: in the selection the actions work on. */
  selected: boolean
  changed: boolean
  /** Where the status cell sticks on a narrow screen. */
  statusPinnedAt: number | undefined
  /** A delete of this model is under way: it stays until the service has answered. */
  deleting: boolean
  onActivate: (index: number) => void
  onOpen: (modelId: string) => void
  onToggleSelected: (modelId: string) => void
}

/**
 * Memoised on the model the row shows, not on TanStack's row object: while scrolling, or when a
 * filter keeps a row where it was, a row that shows the same model is not rendered again.
 */
function sameRow(before: ModelRowProps, after: ModelRowProps): boolean {
  return Object.entries(after).every(([key, value]) =>
    key === 'row'
      ? before.row.original === after.row.original
      : Object.is(Reflect.get(before, key), value),
  )
}

export const ModelRow = memo(function ModelRow({
  row,
  index,
  height,
  active,
  open,
  selected,
  changed,
  statusPinnedAt,
  deleting,
  onActivate,
  onOpen,
  onToggleSelected,
}: ModelRowProps) {
  const [nameCell, ...cells] = row.getVisibleCells()
  const model = row.original
  const cellClasses = 'truncate border-b border-slate-100 px-3 align-middle'
  const background = open ? 'bg-indigo-50' : changed ? 'bg-amber-50' : ''
  const stickyBackground = `${background || 'bg-white group-hover:bg-slate-50'} group-focus-within:bg-indigo-50`
  return (
    // A click anywhere on the row opens the model, as people expect of a runs table; the name's
    // button is the keyboard's way (and the link target), so the row needs no key handler.
    // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- see above
    <tr
      onClick={(event) => {
        if (event.defaultPrevented || choseAControl(event.target) || selectingText()) return
        // The keyboard goes on from the row the mouse chose.
        onActivate(index)
        onOpen(model.modelId)
      }}
      data-index={index}
      aria-rowindex={index + 2}
      aria-current={open || undefined}
      aria-busy={deleting || undefined}
      data-changed={changed || undefined}
      style={{ height }}
      className={`group cursor-pointer ${background || 'hover:bg-slate-50'} focus-within:bg-indigo-50/70`}
    >
      <td className={`sticky left-0 z-[1] ${cellClasses} ${stickyBackground}`}>
        {/* The whole cell is the target: 40 px wide, as tall as the row. */}
        <label className="-mx-3 flex h-full cursor-pointer items-center justify-center px-3">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => onToggleSelected(model.modelId)}
            aria-label={`Select ${displayName(model)}`}
            className="block size-4 accent-indigo-700"
          />
        </label>
      </td>
      <th
        scope="row"
        data-highlight
        className={`sticky left-10 z-[1] font-normal ${cellClasses} ${stickyBackground}`}
      >
        {nameCell ? (
          <button
            type="button"
            data-row-button
            data-model-id={model.modelId}
            tabIndex={active ? 0 : -1}
            onFocus={() => onActivate(index)}
            onClick={() => onOpen(model.modelId)}
            title={displayName(model)}
            className="max-w-full truncate rounded text-left font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            {model.warnings.length ? (
              <span className="mr-1 text-amber-700" title="Some fields were read with warnings">
                <span aria-hidden="true">⚠</span>
                <span className="sr-only">Read with warnings: </span>
              </span>
            ) : null}
            {model.modelName ? (
              <Highlight text={model.modelName} />
            ) : (
              <span className="text-slate-500">(no name)</span>
            )}
          </button>
        ) : null}
        {deleting ? (
          <span className="ml-2 rounded bg-red-50 px-1.5 text-xs font-medium text-red-800 ring-1 ring-red-600/30">
            Deleting…
          </span>
        ) : null}
      </th>
      {cells.map((cell, position) => (
        <td
          key={cell.column.id}
          data-highlight={cell.column.columnDef.meta?.highlight}
          style={
            position === 0 && statusPinnedAt !== undefined ? { left: statusPinnedAt } : undefined
          }
          className={`${cellClasses} ${cell.column.columnDef.meta?.align === 'end' ? 'text-right' : ''} ${position === 0 && statusPinnedAt !== undefined ? `sticky z-[1] ${stickyBackground}` : ''}`}
        >
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
}, sameRow)

/** The row's own controls (the selection checkbox, the name, anything in a cell) act for themselves. */
function choseAControl(target: EventTarget): boolean {
  return (
    target instanceof Element &&
    target.closest(
      'button, a, input, label, select, textarea, summary, [role="button"], [role="checkbox"], [role="link"]',
    ) !== null
  )
}

/** A drag that selects text in a row is a selection, not a click on it. */
function selectingText(): boolean {
  const selection = window.getSelection()
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== ''
}
