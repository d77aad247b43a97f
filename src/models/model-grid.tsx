import {
  FlexRender,
  functionalUpdate,
  useTable,
  type ColumnDef,
  type Header,
  type Row,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react'

import type { Model } from '../api/model-schema'
import type { SortRule } from './model-filter'
import { Highlight } from '../components/highlight'
import { useMediaQuery } from '../lib/use-media-query'
import { modelTableFeatures, type ModelColumnMeta } from './table-features'

type ModelTable = ReturnType<typeof useTable<typeof modelTableFeatures, Model>>

export type Density = 'compact' | 'comfortable'

const rowHeights: Record<Density, number> = { compact: 32, comfortable: 44 }

/** The selection column's width; the name column sticks right after it (left-10). */
const selectWidth = 40

export const maxCompared = 6

/**
 * The table itself: a fixed layout (virtual rows never shift the columns), sticky header and
 * name column, and only the rows in view rendered, between two spacer rows. Memoised: the page
 * renders again when the URL catches up with a filter, and the rows have not changed by then.
 */
export const ModelGrid = memo(function ModelGrid({
  models,
  columns,
  visibility,
  sorting,
  onSortingChange,
  rows,
  density,
  activeIndex,
  focusRequest,
  selectedId,
  compared,
  changed,
  onActivate,
  onOpen,
  onToggleCompare,
}: {
  models: Model[]
  columns: Array<ColumnDef<typeof modelTableFeatures, Model>>
  visibility: Record<string, boolean>
  sorting: readonly SortRule[]
  onSortingChange: (sorting: SortRule[]) => void
  /** Positions of the models to show, in display order. */
  rows: Uint32Array
  density: Density
  activeIndex: number
  /** Changes whenever the keyboard asks for the active row to be focused. */
  focusRequest: number
  selectedId: string | null
  /** Models chosen for comparison; at most `maxCompared`. */
  compared: ReadonlySet<string>
  /** Models whose status just changed: highlighted for a moment. */
  changed: ReadonlySet<string>
  onActivate: (index: number) => void
  onOpen: (modelId: string) => void
  onToggleCompare: (modelId: string) => void
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowHeight = rowHeights[density]
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 5,
  })

  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight])

  useEffect(() => {
    if (focusRequest) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [virtualizer, focusRequest, activeIndex])

  // After the row is rendered, move focus to its button (the row may just have scrolled in).
  useLayoutEffect(() => {
    if (!focusRequest) return
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(
      `tr[data-index="${activeIndex}"] button[data-row-button]`,
    )
    button?.focus({ preventScroll: true })
  })

  // The table holds only the rows in view: TanStack builds row and cell objects for 40 models,
  // not for every model of the account (sorting and filtering happen in model-filter.ts).
  const items = virtualizer.getVirtualItems()
  const inView = useMemo(
    () => items.map((item) => models[rows[item.index]!]!),
    [items, models, rows],
  )
  const table = useTable({
    features: modelTableFeatures,
    columns,
    data: inView,
    getRowId: (model) => model.modelId,
    manualSorting: true,
    sortDescFirst: false,
    // React's synthetic click event: Shift adds the column to the sort.
    isMultiSortEvent: (event) =>
      typeof event === 'object' && event !== null && 'shiftKey' in event && event.shiftKey === true,
    state: { sorting: [...sorting], columnVisibility: visibility },
    onSortingChange: (updater) => onSortingChange(functionalUpdate(updater, [...sorting])),
  })
  const tableRows = table.getRowModel().rows
  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  // On a phone the name and status columns narrow and stay put; the rest scrolls sideways.
  const narrow = useMediaQuery('(max-width: 639px)')
  const widthOf = (meta: ModelColumnMeta | undefined) =>
    (narrow ? meta?.narrowWidth : undefined) ?? meta?.width ?? 140
  const statusPinnedAt =
    narrow && headers[1]?.column.id === 'status'
      ? selectWidth + widthOf(headers[0]?.column.columnDef.meta)
      : undefined
  const width =
    selectWidth + headers.reduce((sum, header) => sum + widthOf(header.column.columnDef.meta), 0)
  const span = headers.length + 1
  const compareFull = compared.size >= maxCompared

  return (
    <div
      ref={scrollRef}
      className="relative min-h-0 min-w-0 flex-1 overflow-auto rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <table
        aria-label="Models"
        aria-rowcount={rows.length + 1}
        className="table-fixed border-separate border-spacing-0 text-left text-sm"
        style={{ width, minWidth: '100%' }}
      >
        <colgroup>
          <col style={{ width: selectWidth }} />
          {headers.map((header) => (
            <col key={header.id} style={{ width: widthOf(header.column.columnDef.meta) }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th
              scope="col"
              className="sticky top-0 left-0 z-[3] border-b border-slate-200 bg-slate-50 px-3 py-2"
            >
              <span className="sr-only">Compare</span>
            </th>
            {headers.map((header, position) => (
              <SortableHeader
                key={header.id}
                header={header}
                table={table}
                pinnedAt={
                  position === 0 ? selectWidth : position === 1 ? statusPinnedAt : undefined
                }
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? <SpacerRow height={paddingTop} span={span} /> : null}
          {items.map((item, position) => {
            const row = tableRows[position]
            if (!row) return null
            return (
              // Keyed by position, not by model: a filter or a sort updates the rows in view in
              // place instead of unmounting 40 rows and mounting 40 new ones. (Recycling rows
              // scrolled out, key = index % rows in view, measured worse: React moves them.)
              <ModelRow
                key={item.index}
                row={row}
                visibility={visibility}
                columns={columns}
                index={item.index}
                height={rowHeight}
                active={item.index === activeIndex}
                selected={row.id === selectedId}
                compared={compared.has(row.id)}
                changed={changed.has(row.id)}
                statusPinnedAt={statusPinnedAt}
                compareFull={compareFull}
                onActivate={onActivate}
                onOpen={onOpen}
                onToggleCompare={onToggleCompare}
              />
            )
          })}
          {paddingBottom > 0 ? <SpacerRow height={paddingBottom} span={span} /> : null}
        </tbody>
      </table>
    </div>
  )
})

type ModelRowProps = {
  /** TanStack makes new row objects whenever the rows in view change, even for the same model. */
  row: Row<typeof modelTableFeatures, Model>
  /** Not read here (the row's cells come from them): the row renders again when they change. */
  visibility: Record<string, boolean>
  columns: Array<ColumnDef<typeof modelTableFeatures, Model>>
  index: number
  height: number
  active: boolean
  selected: boolean
  compared: boolean
  changed: boolean
  /** Where the status cell sticks on a narrow screen. */
  statusPinnedAt: number | undefined
  compareFull: boolean
  onActivate: (index: number) => void
  onOpen: (modelId: string) => void
  onToggleCompare: (modelId: string) => void
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

const ModelRow = memo(function ModelRow({
  row,
  index,
  height,
  active,
  selected,
  compared,
  changed,
  statusPinnedAt,
  compareFull,
  onActivate,
  onOpen,
  onToggleCompare,
}: ModelRowProps) {
  const [nameCell, ...cells] = row.getVisibleCells()
  const model = row.original
  const cellClasses = 'truncate border-b border-slate-100 px-3 align-middle'
  const background = selected ? 'bg-indigo-50' : changed ? 'bg-amber-50' : ''
  const stickyBackground = `${background || 'bg-white group-hover:bg-slate-50'} group-focus-within:bg-indigo-50`
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      aria-current={selected || undefined}
      data-changed={changed || undefined}
      style={{ height }}
      className={`group ${background || 'hover:bg-slate-50'} focus-within:bg-indigo-50/70`}
    >
      <td className={`sticky left-0 z-[1] ${cellClasses} ${stickyBackground}`}>
        {/* The whole cell is the target: 40 px wide, as tall as the row. */}
        <label className="-mx-3 flex h-full cursor-pointer items-center justify-center px-3">
          <input
            type="checkbox"
            checked={compared}
            disabled={!compared && compareFull}
            onChange={() => onToggleCompare(model.modelId)}
            aria-label={`Compare ${model.modelName}`}
            title={
              !compared && compareFull ? `At most ${maxCompared} models can be compared` : undefined
            }
            className="block size-4 accent-indigo-700"
          />
        </label>
      </td>
      <th
        scope="row"
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
            title={model.modelName}
            className="max-w-full truncate rounded text-left font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            <Highlight text={model.modelName} />
          </button>
        ) : null}
      </th>
      {cells.map((cell, position) => (
        <td
          key={cell.column.id}
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

function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={span} className="p-0" />
    </tr>
  )
}

function SortableHeader({
  header,
  table,
  pinnedAt,
}: {
  header: Header<typeof modelTableFeatures, Model>
  table: ModelTable
  /** The left offset at which the header sticks while the table scrolls sideways. */
  pinnedAt: number | undefined
}) {
  const { column } = header
  const sorted = column.getIsSorted()
  const sortIndex = column.getSortIndex()
  const multi = table.state.sorting.length > 1
  const meta = column.columnDef.meta
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      style={{ left: pinnedAt }}
      className={`sticky top-0 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold whitespace-nowrap text-slate-600 uppercase ${pinnedAt === undefined ? 'z-[2]' : 'z-[3]'} ${meta?.align === 'end' ? 'text-right' : ''}`}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        data-column={column.id}
        title="Sort (Shift+click to add to the sort)"
        className="inline-flex max-w-full items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span className="truncate">
          <FlexRender header={header} />
        </span>
        <span aria-hidden="true" className="flex w-6 items-center text-indigo-700">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          {sorted && multi ? <sup className="text-[0.65rem]">{sortIndex + 1}</sup> : null}
        </span>
        {sorted && multi ? <span className="sr-only">, sort priority {sortIndex + 1}</span> : null}
      </button>
    </th>
  )
}
