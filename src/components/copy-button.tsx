import { useCallback, useEffect, useRef, useState } from 'react'

import { copySelection, copyToClipboard } from '@/lib/clipboard'

import { Button, type ButtonSize, type ButtonVariant } from './button'
import { useNotices } from './notices'

/**
 * Copies `text` and says so in the notice region ("Copied the reference"), so no control
 * changes size. Without a usable Clipboard API (a dashboard on plain HTTP in a LAN) the notice
 * holds the text, selected, tries the old copy command, and otherwise says to press Ctrl+C.
 */
export function useCopy() {
  const { notify } = useNotices()
  return useCallback(
    async (text: string, what: string) => {
      if (await copyToClipboard(text)) {
        notify({ id: 'copy', tone: 'success', text: `Copied ${what}.` })
      } else {
        notify({
          id: 'copy',
          tone: 'warning',
          title: `Copy ${what}`,
          text: <ManualCopy text={text} what={what} />,
          persistent: true,
        })
      }
    },
    [notify],
  )
}

function ManualCopy({ text, what }: { text: string; what: string }) {
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    const field = fieldRef.current
    if (!field) return
    field.focus()
    field.select()
    setCopied(copySelection())
  }, [])
  return (
    <span className="flex flex-col gap-1">
      <textarea
        ref={fieldRef}
        readOnly
        value={text}
        rows={Math.min(4, text.split('\n').length)}
        aria-label={`${what}: the text to copy`}
        className="w-full resize-none rounded border border-input bg-surface p-1 font-mono text-xs text-foreground"
      />
      <span>
        {copied
          ? 'Copied.'
          : 'This browser does not let the page copy here. Press Ctrl+C (⌘C on a Mac) to copy the selected text.'}
      </span>
    </span>
  )
}

/** A button that copies `text`: the one copy control, its feedback in the notice region. */
export function CopyButton({
  text,
  what,
  children = 'Copy',
  variant = 'secondary',
  size = 'sm',
}: {
  text: string
  /** What is copied, in words that follow "Copied" and name the button: "the reference". */
  what: string
  children?: string
  variant?: ButtonVariant
  size?: ButtonSize
}) {
  const copy = useCopy()
  return (
    <Button
      variant={variant}
      size={size}
      onClick={() => void copy(text, what)}
      aria-label={`Copy ${what}`}
      title={`Copy ${what}`}
    >
      {children}
    </Button>
  )
}
