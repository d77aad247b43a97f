/** The cells' looks, shared by the grids' rows and headers (models, evaluations). */

export const cellClasses = 'flex min-w-0 items-center overflow-hidden px-3 whitespace-nowrap'

/**
 * A cell of one line of text: the text itself is the cell's content, cut with an ellipsis and
 * centred as a block's content; no element inside it to lay out or restyle as the grid
 * scrolls.
 */
export const textCell = 'min-w-0 truncate px-3 content-center'

/** Pinned cells hide what scrolls under them: opaque, in the row's own colour. */
export const pinnedCell = 'sticky z-[1] bg-inherit'

export const headerCell =
  'flex min-w-0 items-center border-b border-border bg-muted text-xs font-semibold text-muted-foreground focus-visible:-outline-offset-2'

/** A row's colours by its state; a row holding nothing special is the surface. */
export function rowTone({
  open = false,
  changed = false,
  selected = false,
}: {
  open?: boolean
  changed?: boolean
  selected?: boolean
}): string {
  return open
    ? 'bg-accent-soft shadow-[inset_3px_0_0_var(--accent)]'
    : changed
      ? 'bg-warning-soft'
      : selected
        ? 'bg-accent-soft'
        : 'bg-surface hover:bg-muted'
}
