import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import { fetchDownloadUrl } from '@/api/download-links'
import { releasedHereQuery } from '@/api/model-actions'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Badge } from '@/components/badge'
import { buttonClasses } from '@/components/button'
import { CopyButton, useCopy } from '@/components/copy-button'
import { Menu, type MenuGroup } from '@/components/menu'
import { plural } from '@/lib/format'
import { useNotices } from '@/components/notices'
import {
  codeSnippet,
  snippetActionLabels,
  snippetActions,
  type SnippetLanguage,
} from '@/models/domain/code-snippets'
import { checkpointReference } from '@/models/domain/lineage'
import {
  isAddressable,
  isAddressableCheckpoint,
  notAddressable,
} from '@/models/domain/model-fields'
import { phaseOf } from '@/models/domain/status'
import { useCheckpointTable, useDatasetNames } from '@/models/view/use-checkpoint-table'

import { EvaluateDialog } from './evaluate-dialog'
import { ReleaseDialog } from './release-dialog'

const languageNames: Record<SnippetLanguage, string> = { python: 'Python', curl: 'cURL' }

function whyNoCheckpoints(model: Model): string {
  switch (phaseOf(model)) {
    case 'waiting':
      return `No checkpoint yet: the task is ${model.secondaryStatus || model.status}. One appears as each epoch ends.`
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

/** The checkpoints the service itself says are released, should the model object ever carry them. */
function releasedByService(model: Model): string[] {
  const field = model.extra.releasedCheckpoints
  return Array.isArray(field) ? field.filter((item) => typeof item === 'string') : []
}

/** The checkpoints released from this tab, and the way to add one. */
function useReleasedHere(credentials: Credentials) {
  const queryClient = useQueryClient()
  const query = releasedHereQuery(credentials.sessionId)
  const { data = [] } = useQuery(query)
  return {
    has: (reference: string) => data.includes(reference),
    add: (reference: string) =>
      queryClient.setQueryData(query.queryKey, (before = []) => [...before, reference]),
  }
}

/**
 * Newest first, one compact row each: the name, its marks (newest, best by its evaluations,
 * released), one Copy menu (name, reference, download link, the code for each next step) and one
 * Actions menu (evaluate; release; get the download link). What a choice did is said in the
 * notice region.
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
  const [releasing, setReleasing] = useState<string>()
  const [evaluating, setEvaluating] = useState<string>()
  const { table } = useCheckpointTable(credentials, model)
  const datasetNames = useDatasetNames(credentials)
  const best = table.best?.checkpoint
  const copy = useCopy()
  const { notify } = useNotices()
  const { checkpoints } = model
  if (!checkpoints.length) {
    return <p className="text-sm text-muted-foreground">{whyNoCheckpoints(model)}</p>
  }
  const addressable = isAddressable(model)
  const byService = releasedByService(model)

  async function downloadLink(checkpoint: string, then: 'copy' | 'show') {
    try {
      const url = await fetchDownloadUrl(credentials, model.modelId, checkpoint)
      if (then === 'copy') {
        await copy(url, `the download link of ${checkpoint} (valid for one hour)`)
        return
      }
      const until = new Date(Date.now() + 3_600_000).toLocaleTimeString()
      notify({
        id: `download-${checkpoint}`,
        tone: 'info',
        title: `${checkpoint} is ready to download`,
        text: `The link is valid for one hour, until ${until}.`,
        actions: (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClasses('primary', 'sm')}
          >
            Download {checkpoint}
          </a>
        ),
        persistent: true,
      })
    } catch (error) {
      notify({
        id: `download-${checkpoint}`,
        tone: 'danger',
        title: `No download link for ${checkpoint}`,
        text: error instanceof Error ? error.message : String(error),
      })
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {addressable ? null : (
        <p className="text-sm text-muted-foreground">{notAddressable(model, 'Download links')}</p>
      )}
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">
          {plural(checkpoints.length, 'checkpoint')}, newest first
        </p>
        <CopyButton text={checkpoints.join('\n')} what="every checkpoint name, one per line">
          Copy all names
        </CopyButton>
      </div>
      <ol className="flex flex-col divide-y divide-border rounded-md border border-border">
        {checkpoints
          .map((checkpoint, position) => ({ checkpoint, position }))
          .toReversed()
          .map(({ checkpoint, position }) => {
            const newest = position === checkpoints.length - 1
            const askable = addressable && isAddressableCheckpoint(checkpoint)
            const reference = checkpointReference(model.modelId, checkpoint)
            const copies: MenuGroup[] = [
              {
                items: [
                  {
                    label: 'Name',
                    onSelect: () => void copy(checkpoint, `the name ${checkpoint}`),
                  },
                  {
                    label: 'Reference',
                    onSelect: () => void copy(reference, `the reference ${reference}`),
                  },
                  {
                    label: 'Download link',
                    disabled: !askable,
                    onSelect: () => void downloadLink(checkpoint, 'copy'),
                  },
                ],
              },
              ...(['python', 'curl'] as const).map((language) => ({
                label: `As ${languageNames[language]}`,
                items: snippetActions.map((action) => ({
                  label: snippetActionLabels[action],
                  onSelect: () =>
                    void copy(
                      codeSnippet(language, action, model, checkpoint),
                      `the ${languageNames[language]} code to ${snippetActionLabels[action].toLowerCase()}`,
                    ),
                })),
              })),
            ]
            const actions: MenuGroup[] = [
              {
                items: [
                  {
                    label: `Evaluate ${checkpoint}…`,
                    disabled: !askable || readOnly,
                    onSelect: () => setEvaluating(checkpoint),
                  },
                  {
                    label: `Release ${checkpoint}…`,
                    disabled: !askable || readOnly,
                    onSelect: () => setReleasing(checkpoint),
                  },
                  {
                    label: `Download ${checkpoint}…`,
                    disabled: !askable,
                    onSelect: () => void downloadLink(checkpoint, 'show'),
                  },
                ],
              },
            ]
            return (
              // oxlint-disable-next-line react/no-array-index-key -- names read from odd shapes may repeat ('{}'); the position is the checkpoint
              <li key={position} className="flex min-h-10 items-center gap-2 px-2 py-1">
                <span className="min-w-0 truncate font-mono text-sm" title={checkpoint}>
                  {checkpoint}
                </span>
                {newest ? <Badge tone="neutral">newest</Badge> : null}
                {checkpoint === best ? (
                  <Badge
                    tone="success"
                    title={`The best checkpoint by ${table.metric.name} on ${datasetNames.labelOf(table.dataset?.datasetId)}: see the Evaluations tab`}
                  >
                    best
                  </Badge>
                ) : null}
                {byService.includes(checkpoint) ? (
                  <Badge tone="info" title="The service lists this checkpoint as released">
                    released
                  </Badge>
                ) : released.has(reference) ? (
                  <Badge
                    tone="info"
                    title="Released from this browser while it holds the key; the service does not report which checkpoints are released"
                  >
                    released here
                  </Badge>
                ) : null}
                <span className="ml-auto flex flex-none gap-1.5">
                  <Menu label={`Copy ${checkpoint}`} trigger="Copy ▾" groups={copies} />
                  <Menu label={`Actions for ${checkpoint}`} trigger="⋯" groups={actions} />
                </span>
              </li>
            )
          })}
      </ol>
      <p className="text-xs text-muted-foreground">
        Code to copy reads the key from <code className="font-mono">MARQO_API_KEY</code>, never from
        this page. “Released here” marks what this browser released while it holds the key: the
        service does not report which checkpoints are released.
        {readOnly ? ' This dashboard is read-only: evaluating and releasing are turned off.' : ''}
      </p>
      {releasing ? (
        <ReleaseDialog
          model={model}
          checkpoint={releasing}
          credentials={credentials}
          onReleased={() => {
            const reference = checkpointReference(model.modelId, releasing)
            released.add(reference)
            setReleasing(undefined)
            notify({
              id: `released-${reference}`,
              tone: 'success',
              text: `Released ${releasing}. Use ${reference} when creating a Marqo Cloud index.`,
            })
          }}
          onClose={() => setReleasing(undefined)}
        />
      ) : null}
      {evaluating ? (
        <EvaluateDialog
          model={model}
          checkpoint={evaluating}
          credentials={credentials}
          onClose={() => setEvaluating(undefined)}
        />
      ) : null}
    </div>
  )
}
