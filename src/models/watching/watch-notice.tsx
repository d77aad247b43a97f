import type { Outcome } from './use-watching'

/**
 * What finished while watched, on the page: the one channel when desktop notifications are not
 * allowed, which it explains once.
 */
export function WatchNotice({
  outcomes,
  blocked,
  onOpen,
  onDismiss,
}: {
  outcomes: Outcome[]
  /** Why desktop notifications are not shown, if they are not: denied, or not offered here. */
  blocked: 'denied' | 'unsupported' | undefined
  onOpen: (modelId: string) => void
  onDismiss: () => void
}) {
  if (!outcomes.length && !blocked) return null
  return (
    <section
      aria-label="Watched models"
      className="flex flex-col gap-1 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
    >
      {blocked ? (
        <p>
          {blocked === 'denied'
            ? 'Desktop notifications are not allowed in this browser'
            : 'This browser does not show desktop notifications from this page'}
          , so finished models are announced here and in the tab’s title.
        </p>
      ) : null}
      {outcomes.length ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-live="polite">
          <ul className="flex flex-col gap-0.5">
            {outcomes.map((outcome) => (
              <li key={outcome.modelId}>
                <span aria-hidden="true">{outcome.ok ? '✓ ' : '✕ '}</span>
                <button
                  type="button"
                  onClick={() => onOpen(outcome.modelId)}
                  className="font-medium underline underline-offset-2 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                >
                  {outcome.modelName}
                </button>
                : {outcome.text}
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={onDismiss}
            className="ml-auto rounded-md border border-indigo-300 px-2 py-0.5 text-xs hover:bg-indigo-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  )
}
