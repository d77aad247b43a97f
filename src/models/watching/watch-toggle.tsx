import { toggleWatching, useWatchedIds } from './watched-models'

const look =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-50 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800'

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
