import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export type Tab<Id extends string> = {
  id: Id
  label: string
  /** A count beside the label: `Checkpoints 40`. */
  count?: number
}

/**
 * Tabs (the ARIA pattern, activated as focus moves): one tab stop for the list, ←/→ and
 * Home/End between tabs, then Tab into the panel, which scrolls on its own.
 */
export function Tabs<Id extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  panelClassName = '',
}: {
  label: string
  tabs: ReadonlyArray<Tab<Id>>
  selected: Id
  onSelect: (id: Id) => void
  /** The selected tab's content. */
  children: ReactNode
  panelClassName?: string
}) {
  const base = useId()
  const listRef = useRef<HTMLDivElement>(null)
  const tabId = (id: string) => `${base}-tab-${id}`
  const panelId = `${base}-panel`

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((tab) => tab.id === selected)
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined
    const next = to === undefined ? undefined : tabs[to]
    if (!next) return
    event.preventDefault()
    onSelect(next.id)
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next.id))}`)?.focus()
  }

  return (
    <>
      {/* oxlint-disable-next-line jsx-a11y/interactive-supports-focus -- focus is on its tabs (the ARIA tabs pattern) */}
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="flex flex-none gap-1 overflow-x-auto border-b border-border px-3"
      >
        {tabs.map((tab) => {
          const active = tab.id === selected
          return (
            <button
              key={tab.id}
              id={tabId(tab.id)}
              type="button"
              role="tab"
              aria-selected={active}
              aria-controls={panelId}
              aria-label={tab.count === undefined ? undefined : `${tab.label}, ${tab.count}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              className={`-mb-px flex flex-none items-center gap-1.5 border-b-2 px-2.5 py-2 text-sm font-medium whitespace-nowrap focus-visible:-outline-offset-2 ${
                active
                  ? 'border-accent text-foreground'
                  : 'border-transparent text-muted-foreground hover:text-foreground'
              }`}
            >
              {tab.label}
              {tab.count === undefined ? null : (
                <span className="rounded-full bg-muted px-1.5 text-xs text-muted-foreground tabular-nums">
                  {tab.count}
                </span>
              )}
            </button>
          )
        })}
      </div>
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(selected)}
        tabIndex={0}
        className={panelClassName}
      >
        {children}
      </div>
    </>
  )
}
