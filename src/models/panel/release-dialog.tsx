import { useMutation } from '@tanstack/react-query'

import { releaseCheckpoint } from '@/api/model-actions'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { checkpointReference } from '@/models/domain/lineage'
import { displayName } from '@/models/domain/model-fields'

/** Asks before releasing; sends nothing until the confirm button is pressed. */
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
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">Model</dt>
        <dd className="break-words">{displayName(model)}</dd>
        <dt className="text-muted-foreground">Reference</dt>
        <dd>
          <code className="font-mono text-xs break-all">{reference}</code>
        </dd>
      </dl>
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
