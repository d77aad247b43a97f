import { useState } from 'react'

import { CodeLoadFailed, isCodeLoadError } from '@/components/error-boundary'
import { Popover } from '@/components/popover'
import { formatCount } from '@/lib/format'

import { plainButton } from './plain-button'

export type ExportControl = {
  /** How many models an export holds: the ones shown. */
  count: number
  /** Rejects when the export fails: its code could not be fetched, say. */
  onExport: (format: 'csv' | 'json') => Promise<void>
}

/** The models shown, in the order shown, as CSV of the visible columns or JSON of every field. */
export function ExportMenu({ count, onExport }: ExportControl) {
  const [problem, setProblem] = useState<Error>()
  return (
    <>
      <Popover label="Export" triggerClassName={plainButton} trigger="Export">
        <p className="px-2 py-1 text-xs text-slate-600">
          The {formatCount(count)} models shown, in this order.
        </p>
        {(['csv', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={(event) => {
              setProblem(undefined)
              onExport(format).catch((error: unknown) =>
                setProblem(error instanceof Error ? error : new Error('it did not say why')),
              )
              event.currentTarget.closest<HTMLElement>('[popover]')?.hidePopover()
            }}
            className="w-full rounded px-2 py-1.5 text-left text-sm text-indigo-700 hover:bg-slate-100"
          >
            {format === 'csv' ? 'CSV, visible columns' : 'JSON, every field'}
          </button>
        ))}
      </Popover>
      {problem === undefined ? null : isCodeLoadError(problem) ? (
        // Fetched on first use: a release since the page was opened removes the old file.
        <CodeLoadFailed what="The export" />
      ) : (
        <p role="alert" className="text-sm text-red-800">
          The export failed: {problem.message}
        </p>
      )}
    </>
  )
}
