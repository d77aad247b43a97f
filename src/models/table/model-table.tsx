import { functionalUpdate, useTable, type ColumnDef } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react'

import type { Model } from '@/api/model-schema'
import { SearchHighlights } from '@/components/highlight'
import type { Density } from '@/lib/preferences'
import { useMediaQuery } from '@/lib/use-media-query'
import { modelTableFeatures, type ModelColumnMeta } from '@/models/columns/column-meta'
import type { SortRule } from '@/models/engine/ranks'

import { ModelRow } from './model-row'
import { SortableHeader } from './sortable-header'

const rowHeights: Record<Density, number> = { compact: 32, comfortable: 44 }

/** The selection column's width; the name column sticks right after it (left-10). */
const selectWidth = 40

/**
 * The table itself: a fixed layout (virtual rows never shift the columns), sticky header and
 * name column, and only the rows in view rendered, between two spacer rows. Memoised: the page
 * renders again when the URL catches up with a filter, and the rows have not changed by then.
 */
const noneDeleting: ReadonlySet<string> = new Set()

export const ModelTable = memo(function ModelTable({
  models,
  columns,
  visibility,
  sorting,
  onSortingChange,
  rows,
  density,
  activeIndex,
  focusRequest,
  openId,
  selected,
  changed,
  onActivate,
  onOpen,
  onToggleSelected,
  deleting = noneDeleting,
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
  /** The model whose panel is open. */
  openId: string | null
  /** The models ticked: the selection compare and delete work on. */
  selected: ReadonlySet<string>
  /** Models whose status just changed: highlighted for a moment. */
  changed: ReadonlySet<string>
  onActivate: (index: number) => void
  onOpen: (modelId: string) => void
  onToggleSelected: (modelId: string) => void
  /** Models whose delete is under way. */
  deleting?: ReadonlySet<string>
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
  // not for every model of the account (sorting and filtering happen in src/models/engine).
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
              <span className="sr-only">Select</span>
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
                open={row.id === openId}
                selected={selected.has(row.id)}
                changed={changed.has(row.id)}
                statusPinnedAt={statusPinnedAt}
                deleting={deleting.has(row.id)}
                onActivate={onActivate}
                onOpen={onOpen}
                onToggleSelected={onToggleSelected}
              />
            )
          })}
          {paddingBottom > 0 ? <SpacerRow height={paddingBottom} span={span} /> : null}
        </tbody>
      </table>
      <SearchHighlights container={scrollRef} />
    </div>
  )
})

function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={span} className="p-0" />
    </tr>
  )
}
