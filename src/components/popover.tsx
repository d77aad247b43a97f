import { useId, useRef, useState, type ReactNode, type ToggleEvent } from 'react'

import { useFloating } from './floating'

/**
 * A button that opens a panel beside it, on the browser's Popover API (light dismiss, Esc and
 * focus return come from the platform, and the top layer means no container clips it), kept
 * inside the window by useFloating. The panel's content is rendered only while it is open, so a
 * long list inside costs nothing until someone looks at it.
 */
export function Popover({
  trigger,
  triggerLabel,
  label,
  children,
  triggerClassName = '',
  width = 'w-80',
}: {
  trigger: ReactNode
  /** The button's accessible name, when its visible content is not enough. */
  triggerLabel?: string
  /** The panel's accessible name. */
  label: string
  children: ReactNode
  triggerClassName?: string
  /** The panel's width class; it never grows past the window. */
  width?: string
}) {
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  useFloating(buttonRef, panelRef, open)

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        popoverTarget={id}
        aria-label={triggerLabel}
        aria-expanded={open}
        className={triggerClassName}
      >
        {trigger}
      </button>
      <dialog
        ref={panelRef}
        id={id}
        popover="auto"
        data-floating
        aria-label={label}
        onToggle={(event: ToggleEvent<HTMLDialogElement>) => setOpen(event.newState === 'open')}
        className={`fixed m-0 overflow-auto overscroll-contain rounded-lg border border-border bg-surface p-2 text-sm text-foreground shadow-lg ${width}`}
      >
        {open ? children : null}
      </dialog>
    </>
  )
}
