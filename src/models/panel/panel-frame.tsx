import { Suspense, use, useEffect, useRef } from 'react'

import type { Model } from '@/api/model-schema'
import { Button } from '@/components/button'
import { ErrorBoundary } from '@/components/error-boundary'
import { preloadable } from '@/lib/preload'
import { StatusBadge } from '@/models/columns/status-badge'
import { displayName, isAddressable } from '@/models/domain/model-fields'
import { isInProgress, phaseOf } from '@/models/domain/status'
import { WatchToggle } from '@/models/watching/watch-toggle'

import type { PanelBodyProps } from './model-panel'

// The details (tabs, checkpoints, log viewer) load on first open; the frame, with its name and
// Close, is part of the screen, so it is there even when that code cannot be fetched.
export const loadPanelBody = preloadable(() => import('./model-panel'))

function PanelBody(props: PanelBodyProps) {
  const { ModelPanelBody } = use(loadPanelBody())
  return <ModelPanelBody {...props} />
}

export type PanelActions = { readOnly: boolean; deleting?: boolean; onDelete?: () => void }

/**
 * One model, beside the grid on a wide screen and over the whole screen on a narrow one (with
 * Back): its name, status and the model's actions, always with Close; the details below, in
 * tabs. A part that failed (the service down, the code not fetched) stays within its place,
 * has Try again, and tries again by itself when the list next refreshes (`listUpdatedAt`).
 */
export function PanelFrame({
  modelId,
  model,
  actions,
  onClose,
  listUpdatedAt,
  ...body
}: Omit<PanelBodyProps, 'model' | 'readOnly'> & {
  modelId: string
  model: Model | undefined
  actions: PanelActions
  onClose: () => void
  listUpdatedAt: number
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The screen keys the frame by model id: this runs each time another model opens.
  useEffect(() => headingRef.current?.focus(), [])

  return (
    <aside
      aria-labelledby="model-panel-title"
      className="fixed inset-0 z-20 flex flex-col overflow-hidden bg-surface lg:static lg:z-auto lg:min-h-0 lg:w-[38rem] lg:flex-none lg:rounded-lg lg:border lg:border-border"
    >
      <header className="flex flex-none items-start gap-2 border-b border-border px-4 py-3">
        <Button
          variant="ghost"
          onClick={onClose}
          aria-label="Back to the models"
          className="-ml-2 lg:hidden"
        >
          ← Back
        </Button>
        <div className="min-w-0 flex-1">
          <h2
            id="model-panel-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-lg leading-tight font-semibold break-words text-foreground"
          >
            {model ? displayName(model) : 'Model not found'}
          </h2>
          {model ? (
            <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge model={model} progress />
              {isInProgress(phaseOf(model)) ? (
                <WatchToggle ids={[model.modelId]} label="Notify me when it finishes" />
              ) : null}
            </div>
          ) : null}
        </div>
        {model && isAddressable(model) && actions.onDelete && !actions.readOnly ? (
          <Button variant="danger-outline" onClick={actions.onDelete} disabled={actions.deleting}>
            {actions.deleting ? 'Deleting…' : 'Delete model…'}
          </Button>
        ) : null}
        <Button onClick={onClose} aria-keyshortcuts="Escape" className="max-lg:hidden">
          Close <span className="sr-only">details</span>
          <kbd className="font-mono text-xs text-muted-foreground">Esc</kbd>
        </Button>
      </header>
      {model ? (
        <ErrorBoundary what="This model's details" resetKey={listUpdatedAt}>
          <Suspense fallback={<p className="p-4 text-sm text-muted-foreground">Loading…</p>}>
            <PanelBody
              model={model}
              readOnly={actions.readOnly}
              listUpdatedAt={listUpdatedAt}
              {...body}
            />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <p className="p-4 text-sm text-foreground">
          This account has no model with the id <code className="font-mono">{modelId}</code>. It may
          have been deleted, or the link was meant for another account.
        </p>
      )}
    </aside>
  )
}
