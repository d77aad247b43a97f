import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'

import { deleteModel } from '@/api/model-actions'
import { modelQueries, type Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { plural } from '@/lib/format'

import { isDone, runDeletes, stillSelected, type DeleteState } from './delete-runner'
import { displayName } from '@/models/domain/model-fields'

const outcomeWords: Record<DeleteState['state'], string> = {
  queued: 'waiting',
  deleting: 'deleting…',
  deleted: 'deleted',
  'already-deleted': 'already deleted',
  failed: 'failed',
  cancelled: 'not sent (cancelled)',
}

export type DeleteFinished = {
  /** The models not deleted: they stay selected, so a retry acts on them. */
  failed: string[]
  deleted: string[]
}

/**
 * Deletes one model (confirmed by typing its name) or many (by typing `delete`), a few at a time,
 * showing each one's outcome. Nothing is removed from the table before the service answers;
 * the list is refreshed once every answer is in.
 */
export function DeleteDialog({
  models,
  single,
  credentials,
  onProgress,
  onFinished,
  onClose,
}: {
  models: Model[]
  /** One model, from its panel: confirmed by its name. */
  single: boolean
  credentials: Credentials
  /** Every step of every model, so that the table can show which ones are being deleted. */
  onProgress: (modelId: string, outcome: DeleteState) => void
  onFinished: (result: DeleteFinished) => void
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const fieldId = useId()
  const [typed, setTyped] = useState('')
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, DeleteState>>()
  const [running, setRunning] = useState(false)
  const controller = useRef<AbortController>(undefined)
  useEffect(() => () => controller.current?.abort(), [])

  const [first] = models
  // A model without a name is confirmed by its id.
  const expected = single ? first?.modelName || first?.modelId || '' : 'delete'
  const count = plural(models.length, 'model')
  const confirmLabel = single ? 'Delete model' : `Delete ${count}`

  async function start() {
    const ids = models.map((model) => model.modelId)
    controller.current = new AbortController()
    setRunning(true)
    const result = await runDeletes(ids, (id) => deleteModel(credentials, id, undefined), {
      signal: controller.current.signal,
      onChange: (id, outcome) => {
        onProgress(id, outcome)
        setOutcomes((before) => new Map(before).set(id, outcome))
      },
    })
    const failed = stillSelected(result)
    const deleted = ids.filter((id) => isDone(result.get(id)!))
    if (deleted.length) {
      await queryClient.invalidateQueries({ queryKey: modelQueries.list(credentials).queryKey })
    }
    setRunning(false)
    onFinished({ failed, deleted })
  }

  const finished = outcomes !== undefined && !running
  const failures = [...(outcomes ?? [])].filter(([, outcome]) => !isDone(outcome)).length
  return (
    <ConfirmDialog
      title={single ? `Delete ${first?.modelName || 'this model'}?` : `Delete ${count}?`}
      confirmLabel={confirmLabel}
      danger
      canConfirm={typed.trim() === expected && expected !== ''}
      pending={running}
      cancelLabel={finished ? 'Close' : 'Cancel'}
      onConfirm={outcomes ? undefined : () => void start()}
      onCancel={() => {
        // While running, Cancel stops those not yet sent; the ones in flight still answer.
        if (running) controller.current?.abort()
        else onClose()
      }}
    >
      <p>Deleting cannot be undone. It also stops a training task that is still running.</p>
      <ul
        aria-label={single ? 'The model to delete' : 'The models to delete'}
        className="flex max-h-64 flex-col divide-y divide-border overflow-auto rounded-md border border-border"
      >
        {models.map((model) => {
          const outcome = outcomes?.get(model.modelId)
          return (
            <li key={model.modelId} className="flex flex-col gap-0.5 px-2 py-1.5">
              <span className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium break-words">{displayName(model)}</span>
                <span className="text-muted-foreground">{model.status}</span>
                {outcome ? (
                  <span
                    className={`ml-auto text-xs font-medium ${outcome.state === 'failed' ? 'text-danger-text' : 'text-muted-foreground'}`}
                  >
                    {outcomeWords[outcome.state]}
                  </span>
                ) : null}
              </span>
              <code className="font-mono text-xs break-all text-muted-foreground">
                {model.modelId}
              </code>
              {outcome?.state === 'failed' ? (
                <span className="text-xs text-danger-text">{outcome.message}</span>
              ) : null}
            </li>
          )
        })}
      </ul>
      {outcomes ? null : (
        <div className="flex flex-col gap-1">
          <label htmlFor={fieldId} className="font-medium">
            {single ? 'Type the model name to confirm' : 'Type delete to confirm'}
          </label>
          <input
            id={fieldId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="rounded-md border border-input bg-surface px-2 py-1 font-mono text-sm"
          />
        </div>
      )}
      <p aria-live="polite" className="empty:hidden">
        {running
          ? 'Deleting…'
          : finished
            ? failures
              ? `${plural(failures, 'model')} not deleted: still selected, so you can try again.`
              : 'Done.'
            : ''}
      </p>
    </ConfirmDialog>
  )
}
