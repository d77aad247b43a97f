import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'

import { toneClasses } from './badge'
import { Button } from './button'

export type Notice = {
  /** A notice with the id of one on screen takes its place. */
  id: string
  tone: 'success' | 'info' | 'warning' | 'danger'
  title?: string
  text: ReactNode
  /** Buttons that act on it (Retry, Open). */
  actions?: ReactNode
  /** Stays until dismissed or replaced; otherwise it goes after a few seconds. */
  persistent?: boolean
}

type Notices = { notify: (notice: Notice) => void; dismiss: (id: string) => void }

const NoticesContext = createContext<Notices>({ notify: () => {}, dismiss: () => {} })

/** How long a notice that is not persistent stays. */
export const noticeMs = 8_000
/** At most this many on screen: the newest. */
const shownAtOnce = 4

/**
 * The one place transient notices appear (deleted, released, status changed, refresh failed):
 * over the page's bottom-right corner, so a notice never moves what is on the page. Polite
 * notices are read out as they come; a danger one as an alert.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const dismiss = useCallback(
    (id: string) => setNotices((shown) => shown.filter((notice) => notice.id !== id)),
    [],
  )
  const notify = useCallback(
    (notice: Notice) =>
      setNotices((shown) =>
        [...shown.filter((other) => other.id !== notice.id), notice].slice(-shownAtOnce),
      ),
    [],
  )
  const value = useMemo(() => ({ notify, dismiss }), [notify, dismiss])
  return (
    <NoticesContext value={value}>
      {children}
      <section
        aria-label="Notices"
        className="pointer-events-none fixed right-4 bottom-4 z-40 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
      >
        <ul aria-live="polite" className="flex flex-col gap-2">
          {notices.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} onDismiss={() => dismiss(notice.id)} />
          ))}
        </ul>
      </section>
    </NoticesContext>
  )
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { persistent, tone, title, text, actions } = notice
  useEffect(() => {
    if (persistent) return undefined
    const timer = setTimeout(onDismiss, noticeMs)
    return () => clearTimeout(timer)
    // A notice replaced by another of its id is a new item: its own time starts again.
    // oxlint-disable-next-line react/exhaustive-deps -- onDismiss is a new function every render
  }, [notice, persistent])
  return (
    <li
      role={tone === 'danger' ? 'alert' : undefined}
      className={`pointer-events-auto flex items-start gap-2 rounded-lg p-3 text-sm shadow-lg ring-1 ring-inset ${toneClasses[tone]}`}
    >
      <div className="min-w-0 flex-1 break-words">
        {title ? <p className="font-semibold">{title}</p> : null}
        <div>{text}</div>
        {actions ? <div className="mt-2 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      <Button variant="ghost" size="sm" onClick={onDismiss} aria-label="Dismiss this notice">
        ✕
      </Button>
    </li>
  )
}

/** Shows and takes back notices in the notice region. */
export function useNotices(): Notices {
  return useContext(NoticesContext)
}
