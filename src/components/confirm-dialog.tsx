import { useEffect, useId, useRef, type ReactNode } from 'react'

import { Button } from './button'

/**
 * A modal question before something that cannot be taken back. On <dialog>: focus is trapped
 * and returns to the opener, Esc cancels. Focus starts on Cancel (or the first field), never on
 * the confirm button, so a stray Enter does nothing. The confirm button is a plain button, not a
 * form submit, and nothing happens until it is pressed.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  canConfirm = true,
  pending = false,
  danger = false,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
}: {
  title: string
  /** What will happen, in words; a field to type into, the outcome of each item. */
  children: ReactNode
  confirmLabel: string
  canConfirm?: boolean
  /** While the request runs: the confirm button waits, Cancel stays usable. */
  pending?: boolean
  danger?: boolean
  cancelLabel?: string
  /** Absent once there is nothing left to confirm (only Close remains). */
  onConfirm?: () => void
  onCancel: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return undefined
    // The parent unmounts the dialog rather than closing it: focus goes back by hand.
    const opener = document.activeElement
    dialog.showModal()
    const field = dialog.querySelector<HTMLElement>('input, select, textarea')
    ;(field ?? cancelRef.current)?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      className="m-auto w-[34rem] max-w-[calc(100vw-2rem)] rounded-xl border border-border p-5 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <h2 id={titleId} className="text-base font-semibold break-words">
        {title}
      </h2>
      <div id={bodyId} className="mt-3 flex flex-col gap-3 text-sm text-foreground">
        {children}
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <Button ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </Button>
        {onConfirm ? (
          <Button
            variant={danger ? 'danger' : 'primary'}
            disabled={!canConfirm || pending}
            aria-busy={pending || undefined}
            onClick={onConfirm}
          >
            {confirmLabel}
          </Button>
        ) : null}
      </div>
    </dialog>
  )
}
