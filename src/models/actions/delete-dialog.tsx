import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'

import { deleteModel } from '@/api/model-actions'
import { modelQueries, type Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { plural } from '@/lib/format'

import {
  confirms,
  deleteConfirmation,
  type DeleteConfirmation,
  type Edges,
} from './delete-confirmation'
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
 * Deletes one model (confirmed by typing its name, or its id when the name cannot be typed) or
 * many (by typing `delete`), a few at a time, showing each one's outcome. Nothing is removed
 * from the table before the service answers; the list is refreshed once every answer is in.
 */
export function DeleteDialog({
  models: handed,
  single,
  credentials,
  onProgress,
  onFinished,
  onClose,
}: {
  models: Model[]
  /** One model, from its panel: confirmed by its name, or its id (`deleteConfirmation`). */
  single: boolean
  credentials: Credentials
  /** Every step of every model, so that the table can show which ones are being deleted. */
  onProgress: (modelId: string, outcome: DeleteState) => void
  onFinished: (result: DeleteFinished) => void
  onClose: () => void
}) {
  // Each model once, whoever asked: the count, the list and the requests all follow from it.
  const models = useMemo(
    () => [...new Map(handed.map((model) => [model.modelId, model])).values()],
    [handed],
  )
  const queryClient = useQueryClient()
  const fieldId = useId()
  const [typed, setTyped] = useState('')
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, DeleteState>>()
  const [running, setRunning] = useState(false)
  const controller = useRef<AbortController>(undefined)
  useEffect(() => () => controller.current?.abort(), [])

  const [first] = models
  const confirmation = single && first ? deleteConfirmation(first) : undefined
  const expected = confirmation ? confirmation.text : single ? '' : 'delete'
  const hinted = confirmation !== undefined && isHinted(confirmation)
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
      title={
        confirmation?.by === 'name'
          ? `Delete ${confirmation.text.trim()}?`
          : single
            ? 'Delete this model?'
            : `Delete ${count}?`
      }
      confirmLabel={confirmLabel}
      danger
      canConfirm={confirms(typed, expected)}
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
            {confirmation
              ? `Type the model ${confirmation.by} to confirm`
              : 'Type delete to confirm'}
          </label>
          {confirmation ? (
            <ConfirmationHint id={`${fieldId}-hint`} confirmation={confirmation} />
          ) : null}
          <input
            id={fieldId}
            aria-describedby={hinted ? `${fieldId}-hint` : undefined}
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

const isHinted = (confirmation: DeleteConfirmation) =>
  confirmation.by === 'id' || confirmation.edges !== 'none'

const edgeWords: Record<Exclude<Edges, 'none'>, string> = {
  start: 'with a space at the start',
  end: 'with a space at the end',
  both: 'with spaces around it',
}

/** What exactly to type, where it cannot be read off the list: spaces at the edges, or the id. */
function ConfirmationHint({ id, confirmation }: { id: string; confirmation: DeleteConfirmation }) {
  if (confirmation.by === 'id') {
    return (
      <p id={id} className="text-slate-700">
        Its name cannot be typed (it is empty, only spaces, or has a line break or a tab), so type
        its id: <code className="font-mono break-all">{confirmation.text}</code>
      </p>
    )
  }
  if (confirmation.edges === 'none') return null
  return (
    <p id={id} className="text-slate-700">
      The name is{' '}
      <code className="rounded bg-slate-100 font-mono whitespace-pre">{confirmation.text}</code>,{' '}
      {edgeWords[confirmation.edges]}: type those spaces too.
    </p>
  )
}
