import { useEffect, useRef } from 'react'

export const shortcuts: Array<[keys: string[], action: string]> = [
  [['/'], 'Search'],
  [['↓', 'j'], 'Next model'],
  [['↑', 'k'], 'Previous model'],
  [['Enter'], 'Open the model'],
  [['Esc'], 'Close, or clear the search'],
  [['Shift', 'click'], 'Sort by another column too'],
  [['?'], 'This list'],
]

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
      className="m-auto w-96 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {shortcuts.map(([keys, action]) => (
          <div key={action} className="contents">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd
                  key={key}
                  className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs"
                >
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none"
        >
          Close
        </button>
      </form>
    </dialog>
  )
}
