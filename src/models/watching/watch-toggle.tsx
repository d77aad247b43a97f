import { toggleWatching, useWatchedIds } from './watched-models'

const look =
  'rounded-md border border-input bg-surface px-2.5 py-1 text-sm text-muted-foreground hover:bg-muted disabled:opacity-50 aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent-text'

/**
 * `Notify me when it finishes`, for one model (the panel) or every model in progress (the
 * toolbar). The first press asks the browser's permission, on that click only.
 */
export function WatchToggle({ ids, label }: { ids: readonly string[]; label: string }) {
  const watched = useWatchedIds()
  const pressed = ids.length > 0 && ids.every((id) => watched.includes(id))
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={!ids.length}
      onClick={() => toggleWatching(ids, !pressed)}
      className={look}
    >
      {label}
    </button>
  )
}
