import { useEffect, useRef } from 'react'

import { Button } from '@/components/button'

import { keysOf, shortcuts } from './shortcuts'

/** The keyboard shortcuts, in a modal dialog: Esc and focus handling come from <dialog>. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto max-h-[calc(100dvh-2rem)] w-[30rem] max-w-[calc(100vw-2rem)] rounded-xl border border-border bg-surface p-5 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        The grid is one stop for Tab: Tab again leaves it.
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {shortcuts.map(({ id, keys, action }) => (
          <div key={id} className="contents">
            <dt className="flex flex-wrap items-center gap-1">
              {keys.map((binding, position) => (
                <span key={keysOf(binding).join('+')} className="flex items-center gap-1">
                  {position ? <span className="text-muted-foreground">or</span> : null}
                  {keysOf(binding).map((key) => (
                    <kbd
                      key={key}
                      className="rounded border border-input bg-muted px-1.5 font-mono text-xs"
                    >
                      {key}
                    </kbd>
                  ))}
                </span>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <Button type="submit" variant="primary">
          Close
        </Button>
      </form>
    </dialog>
  )
}
