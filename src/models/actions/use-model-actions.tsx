import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { serverConfigQuery } from '@/api/server-config'
import { ErrorBoundary } from '@/components/error-boundary'
import { useNotices } from '@/components/notices'
import { plural } from '@/lib/format'
import { displayName } from '@/models/domain/model-fields'

import type { DeleteFinished } from './delete-dialog'
import type { DeleteState } from './delete-runner'

// The dialog, its runner and its requests load on first use, not with the first screen.
const DeleteDialog = lazy(() =>
  import('./delete-dialog').then((module) => ({ default: module.DeleteDialog })),
)

/** The models as they were when asked: the dialog keeps showing them after the list refreshes. */
type Request = { models: Model[]; single: boolean }

/**
 * Release and delete for the screen: whether the server allows them (asked once; no control is
 * offered until it has said yes), which models are being deleted (the table shows it), the
 * delete dialog, and what to announce when it is done.
 */
export function useModelActions({
  credentials,
  byId,
  setSelection,
  onDeletedOpen,
}: {
  credentials: Credentials
  byId: () => ReadonlyMap<string, Model>
  /** What stays selected after a bulk delete: the failures. */
  setSelection: (ids: string[]) => void
  /** A single delete from the panel succeeded: the panel closes. */
  onDeletedOpen: () => void
}) {
  const config = useQuery(serverConfigQuery())
  const allowed = config.data?.readOnly === false
  const [request, setRequest] = useState<Request>()
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(() => new Set())
  const { notify } = useNotices()

  const requestDelete = useCallback(
    (ids: string[], single = false) =>
      setRequest({ models: ids.flatMap((id) => byId().get(id) ?? []), single }),
    [byId],
  )
  const onProgress = useCallback((modelId: string, outcome: DeleteState) => {
    // A deleted model keeps its mark until the refreshed list no longer has it.
    const busy = outcome.state !== 'failed' && outcome.state !== 'cancelled'
    setDeleting((before) => {
      if (before.has(modelId) === busy) return before
      const next = new Set(before)
      if (busy) next.add(modelId)
      else next.delete(modelId)
      return next
    })
  }, [])

  function finished(current: Request, { failed, deleted }: DeleteFinished) {
    setDeleting(new Set())
    const names = deleted.map((id) => {
      const model = byId().get(id)
      return model ? displayName(model) : id
    })
    if (deleted.length) {
      notify({
        id: 'deleted',
        tone: 'success',
        text:
          deleted.length === 1
            ? `Deleted ${names[0]}.`
            : `Deleted ${plural(deleted.length, 'model')}.`,
      })
    }
    if (current.single) {
      if (deleted.length) {
        setRequest(undefined)
        onDeletedOpen()
      }
      return
    }
    setSelection(failed)
  }

  // The dialog is modal, in the top layer: it moves nothing on the page.
  const element: ReactNode = (
    <>
      {request?.models.length ? (
        <ErrorBoundary what="The delete dialog">
          <Suspense fallback={null}>
            <DeleteDialog
              models={request.models}
              single={request.single}
              credentials={credentials}
              onProgress={onProgress}
              onFinished={(result) => finished(request, result)}
              onClose={() => setRequest(undefined)}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </>
  )

  return { allowed, readOnly: config.data?.readOnly === true, deleting, requestDelete, element }
}
