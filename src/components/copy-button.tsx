import { useEffect, useRef, useState } from 'react'

import { copySelection, copyToClipboard } from '@/lib/clipboard'

type State = 'idle' | 'copied' | 'manual'

const resetAfterMs = 2000

/**
 * The one copy control: copies `text`, shows and announces "Copied". Without a usable Clipboard
 * API it reveals the text selected in a field, tries the old copy command, and otherwise says to
 * press Ctrl+C (⌘C on a Mac).
 */
export function CopyButton({
  text,
  label,
  children = 'Copy',
  className = '',
}: {
  text: string
  /** What is copied, for screen readers: "Copy reference". */
  label: string
  children?: string
  className?: string
}) {
  const [state, setState] = useState<State>('idle')
  const [manualCopied, setManualCopied] = useState(false)
  const fieldRef = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (state !== 'copied') return undefined
    const timer = setTimeout(() => setState('idle'), resetAfterMs)
    return () => clearTimeout(timer)
  }, [state])

  useEffect(() => {
    if (state !== 'manual' || !fieldRef.current) return
    fieldRef.current.focus()
    fieldRef.current.select()
    setManualCopied(copySelection())
  }, [state])

  async function copy() {
    setState((await copyToClipboard(text)) ? 'copied' : 'manual')
  }

  const announcement = state === 'copied' || (state === 'manual' && manualCopied) ? 'Copied' : ''
  return (
    <span className="relative inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={label}
        title={label}
        className={`rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${className}`}
      >
        {state === 'copied' ? 'Copied ✓' : children}
      </button>
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
      {state === 'manual' ? (
        <span className="flex w-72 max-w-full flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
          <textarea
            ref={fieldRef}
            readOnly
            value={text}
            rows={Math.min(4, text.split('\n').length)}
            aria-label={`${label}: the text to copy`}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setState('idle')
            }}
            className="w-full resize-none rounded border border-amber-300 bg-white p-1 font-mono"
          />
          <span>
            {manualCopied
              ? 'Copied.'
              : 'This browser does not let the page copy here. Press Ctrl+C (⌘C on a Mac) to copy the selected text.'}
          </span>
          <button
            type="button"
            onClick={() => setState('idle')}
            className="self-end rounded px-2 py-0.5 font-medium text-amber-950 underline"
          >
            Done
          </button>
        </span>
      ) : null}
    </span>
  )
}
