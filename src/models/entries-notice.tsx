import { useId, useState } from 'react'

import { jsonText } from '@/lib/json-text'
import type { RejectedEntry } from '@/api/model-schema'
import { Alert } from '@/components/alert'
import { plural } from '@/lib/format'

const why: Record<RejectedEntry['why'], string> = {
  'not an object': 'it is not an object, so it has no fields to read',
  'no model id': 'it has no modelId (a text or a number), so it cannot be told apart',
  'repeated id': 'it repeats the modelId of an earlier entry, which is the one shown',
}

/** Past this many characters an entry's JSON is cut, with a control to show it all. */
const shownLength = 2_000

/** Entries listed at first; the rest come a page at a time (an account may send thousands). */
const pageSize = 50

/**
 * What the service sent that is not in the table, counted, and readable on demand: each entry's
 * JSON as text, and why it is not shown as a model. The list sits beside the alert, not inside
 * it, so that a screen reader announces the count once and not every entry.
 */
export function EntriesNotice({ rejected }: { rejected: readonly RejectedEntry[] }) {
  const [shown, setShown] = useState(0)
  const listId = useId()
  const unreadable = rejected.filter((entry) => entry.why !== 'repeated id').length
  const repeated = rejected.length - unreadable
  const summary = [
    unreadable
      ? `${plural(unreadable, 'entry', 'entries')} of the response could not be read as a model.`
      : '',
    repeated
      ? `${plural(repeated, 'entry', 'entries')} repeated the id of an earlier model and were left out.`
      : '',
  ]
  const open = shown > 0
  return (
    <div className="flex flex-col gap-2">
      <Alert tone="warning" title="Some entries could not be shown">
        {summary.filter(Boolean).join(' ')}{' '}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setShown(open ? 0 : pageSize)}
          className="font-medium underline underline-offset-2"
        >
          {open ? 'Hide them' : `Show ${rejected.length === 1 ? 'it' : `the ${rejected.length}`}`}
        </button>
      </Alert>
      {open ? (
        <section
          id={listId}
          aria-label="Entries not shown as models"
          // It scrolls on its own, so the grid below keeps its room: reachable from the keyboard.
          // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
          tabIndex={0}
          className="max-h-64 overflow-auto rounded-lg border border-warning-text/30 bg-warning-soft p-3 text-warning-text"
        >
          <ol className="flex flex-col gap-2">
            {rejected.slice(0, shown).map((entry) => (
              <li key={entry.position}>
                <p className="text-xs">
                  Entry {entry.position + 1} of the response: {why[entry.why]}.
                </p>
                <EntryJson value={entry.value} />
              </li>
            ))}
          </ol>
          {rejected.length > shown ? (
            <button
              type="button"
              onClick={() => setShown(shown + pageSize)}
              className="mt-2 text-sm font-medium underline underline-offset-2"
            >
              Show {Math.min(pageSize, rejected.length - shown)} more (of {rejected.length - shown}{' '}
              not listed yet)
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
function EntryJson({ value }: { value: unknown }) {
  const [whole, setWhole] = useState(false)
  const text = jsonText(value, 2)
  const cut = !whole && text.length > shownLength
  return (
    <div className="mt-1">
      <pre className="rounded bg-surface/70 p-2 font-mono text-xs break-all whitespace-pre-wrap text-foreground">
        {cut ? `${text.slice(0, shownLength)}…` : text}
      </pre>
      {cut ? (
        <button type="button" onClick={() => setWhole(true)} className="text-xs underline">
          Show all {text.length.toLocaleString('en')} characters
        </button>
      ) : null}
    </div>
  )
}
