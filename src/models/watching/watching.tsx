import { useEffect } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'

import { useWatching } from './use-watching'
import { WatchNotice } from './watch-notice'
import { setWatched, useNotifyPermission, useWatchedIds } from './watched-models'

/**
 * Watching as one part of the screen: the watcher and its notice. The screen puts it in an
 * error boundary of its own, so whatever a browser API throws in it (notifications, storage,
 * visibility) takes the notice down, never the models view. The title's count goes up to the
 * screen, which owns the title.
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
  useEffect(() => onTitlePrefix(watching.titlePrefix), [watching.titlePrefix, onTitlePrefix])
  return (
    <WatchNotice
      outcomes={watching.outcomes}
      blocked={
        (permission === 'denied' || permission === 'unsupported') &&
        (watchedIds.length > 0 || watching.outcomes.length > 0)
          ? permission
          : undefined
      }
      onOpen={onOpen}
      onDismiss={watching.dismiss}
    />
  )
}
