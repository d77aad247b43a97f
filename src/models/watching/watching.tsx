import { useEffect } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Button } from '@/components/button'
import { useNotices } from '@/components/notices'

import { useWatching } from './use-watching'
import { setWatched, useNotifyPermission, useWatchedIds } from './watched-models'

/**
 * Watching as one part of the screen: the watcher, and what it says in the notice region (a
 * watched model that finished, with Open; why desktop notifications are not coming). The screen
 * puts it in an error boundary of its own, so whatever a browser API throws in it (notifications,
 * storage, visibility) takes this part down, never the models view. The title's count goes up to
 * the screen, which owns the title.
 */
export function Watching({
  byId,
  credentials,
  onOpen,
  onTitlePrefix,
}: {
  byId: () => ReadonlyMap<string, Model>
  credentials: Credentials
  onOpen: (modelId: string) => void
  onTitlePrefix: (prefix: string) => void
}) {
  const watchedIds = useWatchedIds()
  const permission = useNotifyPermission()
  const watching = useWatching({ byId, watched: watchedIds, setWatched, credentials, onOpen })
  const { notify } = useNotices()
  useEffect(() => onTitlePrefix(watching.titlePrefix), [watching.titlePrefix, onTitlePrefix])

  useEffect(() => {
    for (const outcome of watching.outcomes) {
      notify({
        id: `watched-${outcome.modelId}`,
        tone: outcome.ok ? 'success' : 'danger',
        title: `${outcome.modelName}: ${outcome.text}`,
        text: 'A model you asked to be told about has finished.',
        actions: (
          <Button size="sm" onClick={() => onOpen(outcome.modelId)}>
            Open {outcome.modelName}
          </Button>
        ),
        persistent: true,
      })
    }
    // Told once per outcome; a new `onOpen` is no new outcome.
    // oxlint-disable-next-line react/exhaustive-deps -- see above
  }, [watching.outcomes, notify])

  const blocked =
    (permission === 'denied' || permission === 'unsupported') &&
    (watchedIds.length > 0 || watching.outcomes.length > 0)
      ? permission
      : undefined
  useEffect(() => {
    if (!blocked) return
    notify({
      id: 'watch-blocked',
      tone: 'info',
      text: `${
        blocked === 'denied'
          ? 'Desktop notifications are not allowed in this browser'
          : 'This browser does not show desktop notifications from this page'
      }, so finished models are announced here and in the tab’s title.`,
      persistent: true,
    })
  }, [blocked, notify])
  return null
}
