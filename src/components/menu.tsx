// oxlint-disable jsx-a11y/prefer-tag-over-role -- groups of menu items are role=group in the ARIA menu pattern
import type { Placement } from '@floating-ui/dom'
import {
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type ToggleEvent,
} from 'react'

import { buttonClasses } from './button'
import { useFloating } from './floating'

export type MenuItem = { label: string; onSelect: () => void; disabled?: boolean }
export type MenuGroup = { label?: string; items: MenuItem[] }

/**
 * A menu button (the ARIA pattern): its menu opens in the top layer, beside it and inside the
 * window (useFloating); the arrows, Home/End and a letter move between items, Enter or Space
 * chooses one, Esc and Tab close it. Focus goes back to the button after a choice.
 */
export function Menu({
  label,
  trigger,
  groups,
  placement = 'bottom-end',
  triggerClassName = buttonClasses('secondary', 'sm'),
}: {
  /** The button's accessible name. */
  label: string
  trigger: ReactNode
  groups: MenuGroup[]
  placement?: Placement
  triggerClassName?: string
}) {
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)
  const focusAt = useRef<'first' | 'last'>('first')
  useFloating(buttonRef, menuRef, open, placement)

  const items = () => [
    ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ??
      []),
  ]
  const close = () => {
    menuRef.current?.hidePopover()
    buttonRef.current?.focus()
  }

  function onToggle(event: ToggleEvent<HTMLDivElement>) {
    const isOpen = event.newState === 'open'
    setOpen(isOpen)
    if (!isOpen) return
    // Once its items are rendered.
    requestAnimationFrame(() => {
      const all = items()
      ;(focusAt.current === 'last' ? all.at(-1) : all[0])?.focus()
      focusAt.current = 'first'
    })
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = items()
    const at = all.findIndex((item) => item === document.activeElement)
    const go = (index: number) => all[(index + all.length) % all.length]?.focus()
    switch (event.key) {
      case 'ArrowDown':
        go(at + 1)
        break
      case 'ArrowUp':
        go(at - 1)
        break
      case 'Home':
        go(0)
        break
      case 'End':
        go(all.length - 1)
        break
      case 'Tab':
        menuRef.current?.hidePopover()
        return
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return
        const letter = event.key.toLowerCase()
        const next = [...all.slice(at + 1), ...all.slice(0, at + 1)].find((item) =>
          item.textContent?.trim().toLowerCase().startsWith(letter),
        )
        if (!next) return
        next.focus()
      }
    }
    event.preventDefault()
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        popoverTarget={id}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
          event.preventDefault()
          focusAt.current = event.key === 'ArrowUp' ? 'last' : 'first'
          menuRef.current?.showPopover()
        }}
        className={triggerClassName}
      >
        {trigger}
      </button>
      <div
        ref={menuRef}
        id={id}
        popover="auto"
        data-floating
        role="menu"
        tabIndex={-1}
        aria-label={label}
        onToggle={onToggle}
        onKeyDown={onMenuKeyDown}
        className="fixed m-0 min-w-48 overflow-auto overscroll-contain rounded-lg border border-border bg-surface p-1 text-sm text-foreground shadow-lg"
      >
        {open
          ? groups.map((group, position) => (
              <div
                key={group.label ?? position}
                role="group"
                aria-label={group.label}
                className={position ? 'mt-1 border-t border-border pt-1' : ''}
              >
                {group.label ? (
                  <p
                    aria-hidden="true"
                    className="px-2 py-1 text-xs font-semibold text-muted-foreground"
                  >
                    {group.label}
                  </p>
                ) : null}
                {group.items.map((item) => (
                  <button
                    key={item.label}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    disabled={item.disabled}
                    onClick={() => {
                      close()
                      item.onSelect()
                    }}
                    className="block w-full rounded px-2 py-1.5 text-left whitespace-nowrap hover:bg-muted focus-visible:bg-muted focus-visible:-outline-offset-2 disabled:opacity-50"
                  >
                    {item.label}
                  </button>
                ))}
              </div>
            ))
          : null}
      </div>
    </>
  )
}
