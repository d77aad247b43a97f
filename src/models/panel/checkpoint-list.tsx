import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'

import type { Credentials } from '@/api/model-queries'
import { fetchDownloadUrl } from '@/api/download-links'
import type { Model } from '@/api/model-schema'
import { CopyButton } from '@/components/copy-button'
import { ErrorText } from '@/components/error-text'
import { checkpointReference } from '@/models/domain/lineage'
import {
  isAddressable,
  isAddressableCheckpoint,
  notAddressable,
} from '@/models/domain/model-fields'
import { phaseOf } from '@/models/domain/status'

import { CheckpointActions, useReleasedHere } from './checkpoint-actions'

function whyNoCheckpoints(model: Model): string {
  switch (phaseOf(model)) {
    case 'waiting':
      return `No checkpoint yet: the task is ${model.secondaryStatus ?? model.status}. One appears as each epoch ends.`
    case 'running':
      return 'No checkpoint yet: the first epoch has not finished.'
    case 'failed':
      return 'The task failed before its first epoch ended, so there is no checkpoint.'
    case 'stopped':
      return 'The task was stopped before its first epoch ended, so there is no checkpoint.'
    default:
      return 'This model has no checkpoints.'
  }
}

/**
 * Oldest to newest, each with its name, its reference, a download link on demand, release
 * (unless the server is read-only) and its code to copy.
 */
export function CheckpointList({
  model,
  credentials,
  readOnly = false,
}: {
  model: Model
  credentials: Credentials
  readOnly?: boolean
}) {
  const released = useReleasedHere(credentials)
  const [announcement, setAnnouncement] = useState('')
  const { checkpoints } = model
  if (!checkpoints.length)
    return <p className="text-sm text-slate-700">{whyNoCheckpoints(model)}</p>
  const addressable = isAddressable(model)
  return (
    <div className="flex flex-col gap-2">
      {addressable ? null : (
        <p className="text-sm text-slate-700">{notAddressable(model, 'Download links')}</p>
      )}
      <div>
        <CopyButton text={checkpoints.join('\n')} label="Copy all checkpoint names">
          Copy all names
        </CopyButton>
      </div>
      <ol className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {checkpoints.map((checkpoint, position) => {
          const newest = position === checkpoints.length - 1
          const askable = addressable && isAddressableCheckpoint(checkpoint)
          return (
            // oxlint-disable-next-line react/no-array-index-key -- names read from odd shapes may repeat ('{}'); the position is the checkpoint
            <li key={position} className="flex flex-wrap items-center gap-2 px-2 py-1.5">
              <span className="font-mono text-sm">{checkpoint}</span>
              {newest ? (
                <span className="rounded bg-emerald-50 px-1.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-600/30">
                  newest
                </span>
              ) : null}
              <span className="ml-auto flex flex-wrap items-start gap-1.5">
                <CopyButton text={checkpoint} label={`Copy name ${checkpoint}`}>
                  Name
                </CopyButton>
                <CopyButton
                  text={checkpointReference(model.modelId, checkpoint)}
                  label={`Copy reference ${checkpointReference(model.modelId, checkpoint)}`}
                >
                  Reference
                </CopyButton>
                {askable ? (
                  <DownloadLink model={model} checkpoint={checkpoint} credentials={credentials} />
                ) : addressable ? (
                  <span className="text-xs text-slate-600">
                    Not a checkpoint name the service takes: nothing is asked for it.
                  </span>
                ) : null}
                <CheckpointActions
                  model={model}
                  checkpoint={checkpoint}
                  credentials={credentials}
                  canRelease={askable && !readOnly}
                  released={released}
                  onReleased={(reference) =>
                    setAnnouncement(
                      `Released ${checkpoint}. Use ${reference} when creating a Marqo Cloud index.`,
                    )
                  }
                />
              </span>
            </li>
          )
        })}
      </ol>
      <p aria-live="polite" className="text-sm text-emerald-800 empty:hidden">
        {announcement}
      </p>
      <p className="text-xs text-slate-600">
        “Released here” marks what this browser released while it holds the key: the service does
        not report which checkpoints are released.
      </p>
    </div>
  )
}

function DownloadLink({
  model,
  checkpoint,
  credentials,
}: {
  model: Model
  checkpoint: string
  credentials: Credentials
}) {
  const link = useMutation({
    mutationFn: () => fetchDownloadUrl(credentials, model.modelId, checkpoint),
  })
  if (link.data) {
    const expires = new Date(link.submittedAt + 3600_000)
    return (
      <a
        href={link.data}
        target="_blank"
        rel="noopener noreferrer"
        className="rounded-md bg-indigo-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
        title={`Valid for one hour, until ${expires.toLocaleTimeString()}`}
      >
        Download {checkpoint}.pt (valid 1 h)
      </a>
    )
  }
  return (
    <span className="flex flex-col items-end">
      <button
        type="button"
        onClick={() => link.mutate()}
        disabled={link.isPending}
        aria-label={`Get a download link for ${checkpoint}`}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:text-slate-400"
      >
        {link.isPending ? 'Getting link…' : 'Download link'}
      </button>
      <ErrorText error={link.error} />
    </span>
  )
}
