import { useId, useRef, useState, type ReactNode, type ToggleEvent } from 'react'

/**
 * A button that opens a panel below it, on the browser's Popover API: light dismiss, Esc and
 * focus return come from the platform. The panel's content is rendered only while it is open,
 * so a long list inside costs nothing until someone looks at it.
 */
export function Popover({
  trigger,
  triggerLabel,
  label,
  children,
  triggerClassName = '',
}: {
  trigger: ReactNode
  /** The button's accessible name, when its visible content is not enough. */
  triggerLabel?: string
  /** The panel's accessible name. */
  label: string
  children: ReactNode
  triggerClassName?: string
}) {
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)

  function onToggle(event: ToggleEvent<HTMLDialogElement>) {
    const isOpen = event.newState === 'open'
    setOpen(isOpen)
    const button = buttonRef.current
    if (!isOpen || !button) return
    const panel = event.currentTarget
    const rect = button.getBoundingClientRect()
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - panel.offsetWidth - 8))
    panel.style.top = `${rect.bottom + 4}px`
    panel.style.left = `${left}px`
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        popoverTarget={id}
        aria-label={triggerLabel}
        className={triggerClassName}
      >
        {trigger}
      </button>
      <dialog
        id={id}
        popover="auto"
        aria-label={label}
        onToggle={onToggle}
        className="fixed m-0 max-h-[70vh] w-80 overflow-auto rounded-lg border border-slate-200 bg-white p-2 text-sm text-slate-800 shadow-lg"
      >
        {open ? children : null}
      </dialog>
    </>
  )
}
