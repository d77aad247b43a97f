import { useEffect, useRef } from 'react'

import { useScreen, type Screen } from '@/models/view/url-state'

const screens: { id: Screen; label: string }[] = [
  { id: 'models', label: 'Models' },
  { id: 'evaluations', label: 'Evaluations' },
]

/**
 * Whether the next switch to mount was reached through a switch: the screen it leads to puts the
 * keyboard on its own switch, where the person was, instead of dropping it on the page.
 */
let focusOnMount = false

/**
 * The models or every evaluation of the account (`?view=evaluations`): the same two buttons in
 * the same place on both screens, the current one pressed. Each screen keeps its own search,
 * filters and sort in the URL, so switching back finds it as it was; Back returns too.
 */
export function ScreenSwitch() {
  const { screen, show } = useScreen()
  const currentRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!focusOnMount) return
    focusOnMount = false
    currentRef.current?.focus()
  }, [])
  return (
    <nav
      aria-label="Screens"
      className="flex flex-none items-center gap-0.5 rounded-md bg-muted p-0.5"
    >
      {screens.map(({ id, label }) => {
        const current = id === screen
        return (
          <button
            key={id}
            ref={current ? currentRef : undefined}
            type="button"
            aria-pressed={current}
            onClick={() => {
              if (current) return
              focusOnMount = true
              show(id)
            }}
            className={`min-h-7 rounded px-2.5 text-xs font-medium ${
              current
                ? 'bg-surface text-foreground shadow-xs ring-1 ring-input ring-inset'
                : 'text-muted-foreground hover:bg-surface hover:text-foreground'
            }`}
          >
            {label}
          </button>
        )
      })}
    </nav>
  )
}
