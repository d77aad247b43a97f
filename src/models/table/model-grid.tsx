// oxlint-disable jsx-a11y/prefer-tag-over-role -- rows out of table layout, placed by the virtualiser: the ARIA grid pattern on divs
import { functionalUpdate, useTable, type ColumnDef } from '@tanstack/react-table'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  type RefObject,
} from 'react'

import type { Model } from '@/api/model-schema'
import { SearchHighlights } from '@/components/highlight'
import { formatCount, plural } from '@/lib/format'
import type { Density } from '@/lib/preferences'
import { modelTableFeatures } from '@/models/columns/column-meta'
import { columnIdOf } from '@/models/columns/column-registry'
import type { SortRule } from '@/models/engine/ranks'

import { cellOf, cellSelector, selectingText, slottedRows } from './grid-cells'
import { GridHeader } from './grid-header'
import { clampCell, moveFor, type Cell } from './grid-keys'
import {
  cardHeight,
  columnWidth,
  gridTemplate,
  headerHeight,
  minColumnWidth,
  rowHeights,
  selectWidth,
} from './grid-layout'
import { GridRow, type GridColumn } from './grid-row'
import { ModelCard } from './model-card'
import { shortcutOf } from './shortcuts'

/** What the screen can ask of the grid: to take the keyboard, on its focusable cell. */
export type GridHandle = { focus: () => void }

/** Select-all ticks the rows shown up to this many: a link holds the selection. */
export const maxSelectAll = 1_000
const noModels: Model[] = []
const noneDeleting: ReadonlySet<string> = new Set()
/**
 * Rows rendered past each edge of the window, for a fling's first frames. Each one is work in
 * every frame of a fast scroll: with 4, a scroll frame at 10,000 models took a fifth longer.
 */
const overscan = 2
/** Shift+←/→ on a header resizes its column by this much. */
const resizeStep = 16

export type ModelGridProps = {
  models: Model[]
  /** The visible columns, in order; the name first. */
  columns: Array<ColumnDef<typeof modelTableFeatures, Model>>
  sorting: readonly SortRule[]
  onSortingChange: (sorting: SortRule[]) => void
  /** Positions of the models to show, in display order. */
  rows: Uint32Array
  density: Density
  /** A phone: one card per model, one column, no header. */
  narrow: boolean
  /** The model whose panel is open. */
  openId: string | null
  /** The models ticked: the selection compare and delete work on. */
  selected: ReadonlySet<string>
  /** Models whose status just changed: highlighted for a moment. */
  changed: ReadonlySet<string>
  /** Models whose delete is under way. */
  deleting?: ReadonlySet<string>
  onOpen: (modelId: string) => void
  onToggleSelected: (modelId: string) => void
  /** Ticks (or unticks) these models all at once: select-all. */
  onSelectMany: (modelIds: string[], selected: boolean) => void
  /** Column widths the reader chose, by id; `done` once a drag ends (to keep them). */
  widths: Readonly<Record<string, number>>
  onWidthsChange: (widths: Record<string, number>, done: boolean) => void
  /** Up from the top row: the search box takes the keyboard. */
  onLeaveTop: () => void
  handle?: Ref<GridHandle>
}

/**
 * The models as an ARIA grid: one tab stop (the focusable cell roves with the arrows, j/k,
 * Home/End and the page keys; Tab leaves), Enter opens a model, Space ticks it. Rows are out of
 * table layout, placed by the virtualiser; the columns are one CSS grid template shared by the
 * header and every row, the name pinned with the selection box. On a phone the rows are cards.
 */
export const ModelGrid = memo(function ModelGrid({
  models,
  columns: definitions,
  sorting,
  onSortingChange,
  rows,
  density,
  narrow,
  openId,
  selected,
  changed,
  deleting = noneDeleting,
  onOpen,
  onToggleSelected,
  onSelectMany,
  widths,
  onWidthsChange,
  onLeaveTop,
  handle,
}: ModelGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const columns = useMemo(
    (): GridColumn[] =>
      definitions.flatMap((definition) =>
        definition.meta ? [{ id: columnIdOf(definition), meta: definition.meta }] : [],
      ),
    [definitions],
  )
  const shape = {
    rows: rows.length,
    cols: narrow ? 1 : columns.length + 1,
    header: !narrow,
  }
  const [wanted, setWanted] = useState<Cell>({ row: 0, col: 1 })
  const active = clampCell(wanted, shape)
  const [focusRequest, setFocusRequest] = useState(0)

  const rowHeight = narrow ? cardHeight : rowHeights[density]

  const table = useTable({
    features: modelTableFeatures,
    columns: definitions,
    data: noModels,
    manualSorting: true,
    sortDescFirst: false,
    // React's synthetic click event, or a key press: Shift adds the column to the sort.
    isMultiSortEvent: (event) =>
      typeof event === 'object' && event !== null && 'shiftKey' in event && event.shiftKey === true,
    state: { sorting: [...sorting] },
    onSortingChange: (updater) => onSortingChange(functionalUpdate(updater, [...sorting])),
  })
  const sortColumn = useCallback((id: string) => table.getColumn(id), [table])

  const { template, minWidth } = gridTemplate(columns, widths)
  const style = {
    '--grid-columns': template,
    '--grid-min-width': `${minWidth}px`,
    scrollPaddingLeft: narrow ? 0 : selectWidth + columnWidth(columns[0]!, widths),
  } as CSSProperties

  function moveTo(cell: Cell) {
    setWanted(cell)
    setFocusRequest((count) => count + 1)
  }

  // After the row is rendered, focus the cell and bring it into view (the sticky header and
  // pinned columns are the scroller's padding, so it never ends up under them).
  useLayoutEffect(() => {
    if (!focusRequest) return
    const cell = scrollRef.current?.querySelector<HTMLElement>(cellSelector(active))
    cell?.focus({ preventScroll: true })
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    // Only a new request moves the focus; re-renders with the same cell leave it where it is.
    // oxlint-disable-next-line react/exhaustive-deps -- the cell is read when a request comes
  }, [focusRequest])

  useImperativeHandle(handle, () => ({ focus: () => moveTo(active) }))

  const modelAt = (row: number) => models[rows[row]!]
  const shownIds = () => Array.from(rows, (position) => models[position]!.modelId)
  const tickedShown = useMemo(() => {
    if (!selected.size) return 0
    let count = 0
    for (const position of rows) if (selected.has(models[position]!.modelId)) count++
    return count
  }, [rows, models, selected])
  const allTicked = rows.length > 0 && tickedShown === rows.length
  const selectAll = {
    checked: allTicked,
    mixed: tickedShown > 0 && !allTicked,
    disabled: rows.length === 0 || (!allTicked && rows.length > maxSelectAll),
    label:
      rows.length > maxSelectAll && !allTicked
        ? `Select all: narrow the list to ${formatCount(maxSelectAll)} models or fewer first`
        : allTicked
          ? `Clear the selection of the ${plural(rows.length, 'model')} shown`
          : `Select the ${plural(rows.length, 'model')} shown`,
    toggle: () => onSelectMany(shownIds(), !allTicked),
  }

  function resize(id: string, width: number, done: boolean) {
    onWidthsChange({ ...widths, [id]: Math.max(minColumnWidth, width) }, done)
  }
  function resetWidth(id: string) {
    const { [id]: _dropped, ...rest } = widths
    onWidthsChange(rest, true)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = cellOf(event.target)
    if (!at || event.defaultPrevented) return
    const shortcut = shortcutOf(event)
    const inHeader = at.row < 0
    const column = inHeader && at.col > 0 ? columns[at.col - 1] : undefined
    if (column && (shortcut === 'narrower' || shortcut === 'wider')) {
      const cell = scrollRef.current?.querySelector<HTMLElement>(cellSelector(at))
      const step = shortcut === 'narrower' ? -resizeStep : resizeStep
      resize(column.id, (cell?.getBoundingClientRect().width ?? column.meta.width) + step, true)
      event.preventDefault()
      return
    }
    if (shortcut === 'open' || shortcut === 'select' || shortcut === 'sort-more') {
      const model = inHeader ? undefined : modelAt(at.row)
      if (column) sortColumn(column.id)?.getToggleSortingHandler()?.(event)
      else if (inHeader) {
        if (!selectAll.disabled) selectAll.toggle()
      } else if (model && shortcut === 'select') onToggleSelected(model.modelId)
      else if (model) onOpen(model.modelId)
      event.preventDefault()
      return
    }
    const move = moveFor(shortcut, at, {
      ...shape,
      page: Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1),
    })
    if (!move) return
    event.preventDefault()
    if (move === 'leave-top') onLeaveTop()
    else moveTo(move)
  }

  // A click anywhere on a row opens its model, as people expect of a runs table; its own
  // controls (the box) act for themselves, and a drag that selects text is a selection.
  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target
    if (!(target instanceof Element) || target.closest('input, button, a, label')) return
    const row = target.closest<HTMLElement>('[role="row"][data-model-id]')
    if (!row?.dataset.modelId || selectingText()) return
    onOpen(row.dataset.modelId)
  }

  const announcement = useAddedColumns(columns, scrollRef)
  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Models"
        // Focus lives on one cell; the grid itself is only reachable by a click on its padding.
        tabIndex={-1}
        aria-rowcount={rows.length + (narrow ? 0 : 1)}
        aria-colcount={shape.cols}
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={(event) => {
          const at = cellOf(event.target)
          if (at && (at.row !== active.row || at.col !== active.col)) setWanted(at)
        }}
        style={style}
        className="relative min-h-40 min-w-0 flex-1 overflow-auto rounded-lg border border-border bg-surface"
      >
        {narrow ? null : (
          <GridHeader
            columns={columns}
            sortColumn={sortColumn}
            multiSort={sorting.length > 1}
            activeCol={active.row === -1 ? active.col : -1}
            selectAll={selectAll}
            onResize={resize}
            onResetWidth={resetWidth}
          />
        )}
        <GridBody
          scrollRef={scrollRef}
          models={models}
          rows={rows}
          columns={columns}
          narrow={narrow}
          rowHeight={rowHeight}
          activeRow={active.row}
          activeCol={active.col}
          openId={openId}
          selected={selected}
          changed={changed}
          deleting={deleting}
          onToggleSelected={onToggleSelected}
        />
      </div>
      {/* Beside the grid, which may hold rows only. */}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  )
})

/**
 * The rows in view, placed by the virtualiser: the lowest component, so that scrolling renders
 * this and the rows that change, never the header, the table's state or the screen.
 */
const GridBody = memo(function GridBody({
  scrollRef,
  models,
  rows,
  columns,
  narrow,
  rowHeight,
  activeRow,
  activeCol: focusableCol,
  openId,
  selected,
  changed,
  deleting,
  onToggleSelected,
}: {
  scrollRef: RefObject<HTMLDivElement | null>
  models: Model[]
  rows: Uint32Array
  columns: readonly GridColumn[]
  narrow: boolean
  rowHeight: number
  /** The focusable cell: always rendered. */
  activeRow: number
  activeCol: number
  openId: string | null
  selected: ReadonlySet<string>
  changed: ReadonlySet<string>
  deleting: ReadonlySet<string>
  onToggleSelected: (modelId: string) => void
}) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    // Rows for a window's height in the very first commit, before the scroller is measured: the
    // first rows paint with the grid, not a frame after it.
    initialRect: { width: 0, height: window.innerHeight },
    scrollMargin: narrow ? 0 : headerHeight,
    scrollPaddingStart: narrow ? 0 : headerHeight,
    // The focusable row is always rendered, wherever it is: the grid keeps its one tab stop.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range)
        if (activeRow < 0 || activeRow >= range.count || indexes.includes(activeRow)) return indexes
        return [...indexes, activeRow].toSorted((a, b) => a - b)
      },
      [activeRow],
    ),
  })
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight])
  // The items first: computing them computes the range and reads the scroller's size.
  const items = virtualizer.getVirtualItems()
  const range = virtualizer.range
  const scrollMargin = virtualizer.options.scrollMargin
  const height = virtualizer.scrollRect?.height ?? window.innerHeight
  const { rows: rendered, ariaOwns } = slottedRows(
    items,
    {
      first: Math.max(0, (range?.startIndex ?? 0) - overscan),
      last: Math.min(rows.length - 1, (range?.endIndex ?? 0) + overscan),
    },
    Math.ceil(height / rowHeight) + 1 + 2 * overscan,
  )
  return (
    <>
      <div
        role="rowgroup"
        aria-owns={ariaOwns}
        className="relative"
        style={{ height: virtualizer.getTotalSize() - scrollMargin }}
      >
        {rendered.map(({ item, key }) => {
          const model = models[rows[item.index]!]!
          const state = {
            open: model.modelId === openId,
            selected: selected.has(model.modelId),
            changed: changed.has(model.modelId),
            deleting: deleting.has(model.modelId),
          }
          const activeCol = item.index === activeRow ? focusableCol : -1
          return narrow ? (
            <ModelCard
              key={key}
              model={model}
              index={item.index}
              top={item.start}
              height={rowHeight}
              focusable={activeCol === 0}
              onToggleSelected={onToggleSelected}
              {...state}
            />
          ) : (
            // Keyed by slot, not by model or position: scrolling, a filter or a sort hands the
            // rows in view other models to show instead of unmounting them and mounting others.
            <GridRow
              key={key}
              model={model}
              index={item.index}
              top={item.start - scrollMargin}
              height={rowHeight}
              columns={columns}
              activeCol={activeCol}
              onToggleSelected={onToggleSelected}
              {...state}
            />
          )
        })}
      </div>
      {/* After each render of the rows in view: scrolling brings new text to paint matches in. */}
      <SearchHighlights container={scrollRef} />
    </>
  )
})

/**
 * Columns that appear (a command added them, "Add varying hyperparameters" say): the first is
 * scrolled into view, and what came is said, since it may be past the right edge.
 */
function useAddedColumns(
  columns: readonly GridColumn[],
  scrollRef: RefObject<HTMLDivElement | null>,
): string {
  const [announcement, setAnnouncement] = useState('')
  const ids = columns.map((column) => column.id).join('\n')
  const before = useRef(ids)
  useEffect(() => {
    const previous = new Set(before.current.split('\n'))
    before.current = ids
    const added = columns.filter((column) => !previous.has(column.id))
    if (!added.length || added.length === columns.length) return
    scrollRef.current
      ?.querySelector(`[data-column="${CSS.escape(added[0]!.id)}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    setAnnouncement(
      `Added ${plural(added.length, 'column')}: ${added.map((column) => column.meta.label).join(', ')}.`,
    )
  }, [ids, columns, scrollRef])
  return announcement
}
