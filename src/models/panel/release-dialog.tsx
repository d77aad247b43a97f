import { useMutation } from '@tanstack/react-query'

import { releaseCheckpoint } from '@/api/model-actions'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { formatMetric, formatSigned } from '@/lib/format'
import { checkpointReference } from '@/models/domain/lineage'
import { useCheckpointTable, useDatasetNames } from '@/models/view/use-checkpoint-table'
import { CheckpointSubject } from './panel-parts'

/**
 * Asks before releasing, with what the checkpoint scored and whether it is the best, so the
 * choice is made by its numbers; sends nothing until the confirm button is pressed.
 */
export function ReleaseDialog({
  model,
  checkpoint,
  credentials,
  onReleased,
  onClose,
}: {
  model: Model
  checkpoint: string
  credentials: Credentials
  onReleased: () => void
  onClose: () => void
}) {
  const release = useMutation({
    mutationFn: () => releaseCheckpoint(credentials, model.modelId, checkpoint),
    onSuccess: onReleased,
  })
  const reference = checkpointReference(model.modelId, checkpoint)
  return (
    <ConfirmDialog
      title={`Release ${checkpoint}?`}
      confirmLabel={`Release ${checkpoint}`}
      pending={release.isPending}
      onConfirm={() => release.mutate()}
      onCancel={onClose}
    >
      <p>
        Releasing makes this checkpoint usable when creating new Marqo Cloud indexes. The model and
        its other checkpoints stay as they are.
      </p>
      <CheckpointSubject model={model} reference={reference} referenceLabel="Reference" />
      <CheckpointStanding model={model} checkpoint={checkpoint} credentials={credentials} />
      {release.isPending ? <p aria-live="polite">Releasing {checkpoint}…</p> : null}
      {release.error ? (
        <p
          role="alert"
          className="rounded-md border border-danger-text/30 bg-danger-soft p-2 text-danger-text"
        >
          The release was refused: {release.error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  )
}

/** The checkpoint's numbers on the dataset its model was evaluated on most, and how it ranks. */
function CheckpointStanding({
  model,
  checkpoint,
  credentials,
}: {
  model: Model
  checkpoint: string
  credentials: Credentials
}) {
  const { list, table } = useCheckpointTable(credentials, model)
  const names = useDatasetNames(credentials)
  const box = 'rounded-md border border-border bg-muted/40 p-2 text-sm'
  if (!list.data) {
    return (
      <p className={`${box} text-muted-foreground`}>
        {list.error
          ? `Its evaluations could not be read (${list.error.message}).`
          : 'Reading its evaluations…'}
      </p>
    )
  }
  const row = table.rows.find((candidate) => candidate.checkpoint === checkpoint)
  const { metric, best } = table
  const dataset = names.labelOf(table.dataset?.datasetId)
  if (!table.datasets.length || !row?.counted) {
    return (
      <p className={`${box} text-muted-foreground`}>
        {table.datasets.length
          ? `${checkpoint} has no finished evaluation on ${dataset}`
          : 'No checkpoint of this model has been evaluated'}
        : nothing says whether it is the best. Evaluate it from its menu first to choose by the
        numbers.
      </p>
    )
  }
  // The metric it is judged by first, then the others in their order.
  const shown = [
    ...table.columns.filter((column) => column.key === metric.key),
    ...table.columns.filter((column) => column.key !== metric.key),
  ].slice(0, 4)
  return (
    <section aria-label={`How ${checkpoint} scored`} className={`${box} flex flex-col gap-1`}>
      <p>
        {row.isBest ? (
          <strong>
            The best checkpoint by {metric.name} on {dataset}.
          </strong>
        ) : best ? (
          <>
            Not the best by {metric.name} on {dataset}:{' '}
            <span className="font-mono">{best.checkpoint}</span> scored {formatMetric(best.value)}.
          </>
        ) : (
          `No best by ${metric.name} on ${dataset} yet.`
        )}
      </p>
      <dl className="grid grid-cols-[auto_auto_auto] justify-start gap-x-3 text-xs tabular-nums">
        {shown.map((column) => {
          const value = row.counted!.metrics.byKey.get(column.key)
          const difference = row.difference.get(column.key)
          return (
            <div key={column.key} className="contents">
              <dt className="text-muted-foreground">{column.name}</dt>
              <dd className="text-right">{value ? formatMetric(value.value) : '—'}</dd>
              <dd className="text-muted-foreground">
                {difference === undefined ? '' : `${formatSigned(difference)} vs base`}
              </dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
}
