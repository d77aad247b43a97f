import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import { releasedHereQuery } from '@/api/model-actions'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { CopyButton } from '@/components/copy-button'
import { Popover } from '@/components/popover'
import {
  codeSnippet,
  snippetActionLabels,
  snippetActions,
  type SnippetLanguage,
} from '@/models/domain/code-snippets'
import { checkpointReference } from '@/models/domain/lineage'

import { ReleaseDialog } from './release-dialog'

const languageNames: Record<SnippetLanguage, string> = { python: 'Python', curl: 'cURL' }
const smallButton =
  'rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

/** The checkpoints the service itself says are released, should the model object ever carry them. */
function releasedByService(model: Model): string[] {
  const field = model.extra.releasedCheckpoints
  return Array.isArray(field) ? field.filter((item) => typeof item === 'string') : []
}

/** The checkpoints released from this tab, and the way to add one. */
export function useReleasedHere(credentials: Credentials) {
  const queryClient = useQueryClient()
  const query = releasedHereQuery(credentials.sessionId)
  const { data = [] } = useQuery(query)
  return {
    has: (reference: string) => data.includes(reference),
    add: (reference: string) =>
      queryClient.setQueryData(query.queryKey, (before = []) => [...before, reference]),
  }
}

/** One checkpoint's actions: release it (asked first), and its code as Python or cURL. */
export function CheckpointActions({
  model,
  checkpoint,
  credentials,
  canRelease,
  released,
  onReleased,
}: {
  model: Model
  checkpoint: string
  credentials: Credentials
  /** False when the server is read-only or the id could not be sent. */
  canRelease: boolean
  released: ReturnType<typeof useReleasedHere>
  onReleased: (reference: string) => void
}) {
  const [confirming, setConfirming] = useState(false)
  const reference = checkpointReference(model.modelId, checkpoint)
  const byService = releasedByService(model).includes(checkpoint)
  return (
    <>
      {byService ? (
        <Mark title="The service lists this checkpoint as released">released</Mark>
      ) : null}
      {!byService && released.has(reference) ? (
        <Mark title="Released from this browser while it holds the key; the service does not report which checkpoints are released">
          released here
        </Mark>
      ) : null}
      {canRelease ? (
        <button type="button" className={smallButton} onClick={() => setConfirming(true)}>
          Release {checkpoint}
        </button>
      ) : null}
      {(['python', 'curl'] as const).map((language) => (
        <Popover
          key={language}
          trigger={`Copy as ${languageNames[language]}`}
          triggerLabel={`Copy as ${languageNames[language]}: ${checkpoint}`}
          label={`${checkpoint} as ${languageNames[language]}`}
          triggerClassName={smallButton}
        >
          <ul className="flex flex-col gap-1">
            {snippetActions.map((action) => (
              <li key={action}>
                <CopyButton
                  text={codeSnippet(language, action, model, checkpoint)}
                  label={`${snippetActionLabels[action]} (${languageNames[language]})`}
                  className="w-full text-left"
                >
                  {snippetActionLabels[action]}
                </CopyButton>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">
            The key is not in the code: set <code className="font-mono">MARQO_API_KEY</code> in the
            environment first.
          </p>
        </Popover>
      ))}
      {confirming ? (
        <ReleaseDialog
          model={model}
          checkpoint={checkpoint}
          credentials={credentials}
          onReleased={() => {
            released.add(reference)
            setConfirming(false)
            onReleased(reference)
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </>
  )
}

function Mark({ title, children }: { title: string; children: string }) {
  return (
    <span
      title={title}
      className="rounded bg-sky-50 px-1.5 text-xs font-medium text-sky-900 ring-1 ring-sky-600/30"
    >
      {children}
    </span>
  )
}
