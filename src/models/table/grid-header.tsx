// oxlint-disable jsx-a11y/prefer-tag-over-role -- rows out of table layout, placed by the virtualiser: the ARIA grid pattern on divs
import { useEffect, useRef } from 'react'

import { headerHeight, minColumnWidth } from './grid-layout'
import { headerCell } from './grid-styles'

/** What a header reads of its column: any grid's (models, evaluations). */
export type HeaderColumn = { id: string; meta: { label: string; align?: 'end' } }

/** What a header reads of TanStack's column: its sort state and its toggle. */
export type SortColumn = {
  getIsSorted: () => false | 'asc' | 'desc'
  getSortIndex: () => number
  getToggleSortingHandler: () => undefined | ((event: unknown) => void)
}

export type SelectAll = {
  checked: boolean
  mixed: boolean
  disabled: boolean
  label: string
  toggle: () => void
}

export type HeaderProps = {
  columns: readonly HeaderColumn[]
  /** TanStack's columns, for their sort state and toggles, by id. */
  sortColumn: (id: string) => SortColumn | undefined
  multiSort: boolean
  /** The column of the grid's focusable cell when it is in the header, else -1. */
  activeCol: number
  /** The select-all box in a column of its own before the others; a grid without one has none. */
  selectAll?: SelectAll
  onResize: (id: string, width: number, done: boolean) => void
  onResetWidth: (id: string) => void
}

/**
 * The header row: the select-all box, then a header per column that sorts on click (Shift adds
 * it to the sort), on Enter or Space, and has a handle to drag its width (a double click gives
 * the column its own width back; Shift+←/→ resize it from the keyboard, see grid-keys).
 */
export function GridHeader({
  columns,
  sortColumn,
  multiSort,
  activeCol,
  selectAll,
  onResize,
  onResetWidth,
}: HeaderProps) {
  const focusable = (col: number) => (activeCol === col ? 0 : -1)
  // The columns' cells count from 1 after the select-all box, else from 0.
  const first = selectAll ? 1 : 0

  return (
    <div role="rowgroup" className="sticky top-0 z-[2] min-w-(--grid-min-width)">
      <div
        role="row"
        aria-rowindex={1}
        data-index={-1}
        style={{ height: headerHeight }}
        className="grid grid-cols-(--grid-columns)"
      >
        {selectAll ? <SelectAllCell selectAll={selectAll} focusable={focusable(0)} /> : null}
        {columns.map(({ id, meta }, position) => {
          const column = sortColumn(id)
          const sorted = column?.getIsSorted() ?? false
          const priority = column ? column.getSortIndex() + 1 : 0
          const col = position + first
          return (
            <div
              key={id}
              role="columnheader"
              data-col={col}
              data-column={id}
              tabIndex={focusable(col)}
              aria-sort={
                sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
              }
              className={`${headerCell} relative ${position === 0 ? `sticky z-[3] shadow-[inset_-1px_0_0_var(--border)] ${selectAll ? 'left-10' : 'left-0'}` : ''}`}
            >
              <button
                type="button"
                tabIndex={-1}
                onClick={column?.getToggleSortingHandler()}
                title="Sort (Shift+click to add to the sort)"
                className={`flex h-full min-w-0 flex-1 items-center gap-1 px-3 hover:text-foreground ${meta.align === 'end' ? 'justify-end' : ''}`}
              >
                <span className="truncate">{meta.label}</span>
                <span aria-hidden="true" className="flex flex-none items-center text-accent-text">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  {sorted && multiSort ? <sup className="text-[0.65rem]">{priority}</sup> : null}
                </span>
                {sorted && multiSort ? (
                  <span className="sr-only">, sort priority {priority}</span>
                ) : null}
              </button>
              <ResizeHandle
                label={meta.label}
                onResize={(width, done) => onResize(id, width, done)}
                onReset={() => onResetWidth(id)}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** The header's first cell: the box that ticks every row shown. */
function SelectAllCell({ selectAll, focusable }: { selectAll: SelectAll; focusable: number }) {
  const boxRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (boxRef.current) boxRef.current.indeterminate = selectAll.mixed
  }, [selectAll.mixed])
  return (
    <div
      role="columnheader"
      data-col={0}
      tabIndex={focusable}
      className={`${headerCell} sticky left-0 z-[3] justify-center`}
    >
      <input
        ref={boxRef}
        type="checkbox"
        tabIndex={-1}
        checked={selectAll.checked}
        disabled={selectAll.disabled}
        onChange={selectAll.toggle}
        aria-label={selectAll.label}
        title={selectAll.label}
        className="size-4 cursor-pointer accent-(--accent) disabled:cursor-not-allowed"
      />
    </div>
  )
}

/** The drag handle at a header's right edge: pointer events, captured, so a fast drag keeps up. */
function ResizeHandle({
  label,
  onResize,
  onReset,
}: {
  label: string
  onResize: (width: number, done: boolean) => void
  onReset: () => void
}) {
  return (
    // oxlint-disable-next-line jsx-a11y/no-static-element-interactions -- the keyboard resizes from the header cell (Shift+←/→)
    <div
      aria-hidden="true"
      title={`Drag to resize ${label}; double-click for its own width`}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={onReset}
      onPointerDown={(event) => {
        const cell = event.currentTarget.parentElement
        if (!cell || event.button !== 0) return
        event.preventDefault()
        const handle = event.currentTarget
        handle.setPointerCapture(event.pointerId)
        const startX = event.clientX
        const startWidth = cell.getBoundingClientRect().width
        const widthAt = (x: number) => Math.max(minColumnWidth, Math.round(startWidth + x - startX))
        const move = (moved: PointerEvent) => onResize(widthAt(moved.clientX), false)
        const end = (ended: PointerEvent) => {
          handle.removeEventListener('pointermove', move)
          handle.removeEventListener('pointerup', end)
          handle.removeEventListener('pointercancel', end)
          onResize(widthAt(ended.clientX), true)
        }
        handle.addEventListener('pointermove', move)
        handle.addEventListener('pointerup', end)
        handle.addEventListener('pointercancel', end)
      }}
      className="absolute top-0 right-0 z-[1] h-full w-2 cursor-col-resize touch-none after:absolute after:inset-y-2 after:right-0 after:w-px after:bg-border hover:after:w-0.5 hover:after:bg-accent"
    />
  )
}
