/**
 * Every key the models screen answers to, declared once: the page's handler and the grid's read
 * their bindings from here (`shortcutOf`), the shortcuts dialog lists them, and a test holds the
 * README's table to them (shortcuts.test.ts).
 */
type Binding = {
  /** `KeyboardEvent.key`, or `click` for a mouse binding the list mentions. */
  key: string
  /** Ctrl, or ⌘ on a Mac. */
  ctrl?: boolean
  shift?: boolean
}

export type ShortcutId =
  | 'search'
  | 'next'
  | 'previous'
  | 'left'
  | 'right'
  | 'row-start'
  | 'row-end'
  | 'first'
  | 'last'
  | 'page-up'
  | 'page-down'
  | 'open'
  | 'select'
  | 'narrower'
  | 'wider'
  | 'sort-more'
  | 'escape'
  | 'help'

export type Shortcut = { id: ShortcutId; keys: Binding[]; action: string }

// Bindings with Shift come before the same key without it: the first match wins.
export const shortcuts: readonly Shortcut[] = [
  { id: 'search', keys: [{ key: '/' }], action: 'Search' },
  {
    id: 'next',
    keys: [{ key: 'ArrowDown' }, { key: 'j' }],
    action: 'Next model (from the search box, into the grid)',
  },
  {
    id: 'previous',
    keys: [{ key: 'ArrowUp' }, { key: 'k' }],
    action: 'Previous model (above the first: the headers, then the search box)',
  },
  {
    id: 'narrower',
    keys: [{ key: 'ArrowLeft', shift: true }],
    action: 'On a header: narrower column',
  },
  { id: 'wider', keys: [{ key: 'ArrowRight', shift: true }], action: 'On a header: wider column' },
  { id: 'left', keys: [{ key: 'ArrowLeft' }], action: 'Previous column' },
  { id: 'right', keys: [{ key: 'ArrowRight' }], action: 'Next column' },
  { id: 'first', keys: [{ key: 'Home', ctrl: true }], action: 'First model' },
  { id: 'last', keys: [{ key: 'End', ctrl: true }], action: 'Last model' },
  {
    id: 'row-start',
    keys: [{ key: 'Home' }],
    action: 'First column (on a phone, the first model)',
  },
  { id: 'row-end', keys: [{ key: 'End' }], action: 'Last column (on a phone, the last model)' },
  { id: 'page-up', keys: [{ key: 'PageUp' }], action: 'A page up' },
  { id: 'page-down', keys: [{ key: 'PageDown' }], action: 'A page down' },
  { id: 'open', keys: [{ key: 'Enter' }], action: 'Open the model; on a header, sort by it' },
  {
    id: 'select',
    keys: [{ key: ' ' }],
    action: 'Select the model (on the first header: every model shown)',
  },
  {
    id: 'sort-more',
    keys: [
      { key: 'click', shift: true },
      { key: 'Enter', shift: true },
    ],
    action: 'On a header: sort by that column too',
  },
  { id: 'escape', keys: [{ key: 'Escape' }], action: 'Close the panel, or clear the search' },
  { id: 'help', keys: [{ key: '?' }], action: 'This list' },
]

type KeyEvent = {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

function matches(binding: Binding, event: KeyEvent): boolean {
  if (binding.key !== event.key || event.altKey) return false
  if (Boolean(binding.ctrl) !== (event.ctrlKey || event.metaKey)) return false
  return !binding.shift || event.shiftKey
}

/** The shortcut a key press is, if any. */
export function shortcutOf(event: KeyEvent): ShortcutId | undefined {
  return shortcuts.find((shortcut) => shortcut.keys.some((binding) => matches(binding, event)))?.id
}

const keyNames: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
  Escape: 'Esc',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
}

/** One binding as the keys to press: `['Ctrl', 'Home']`, `['Shift', 'click']`. */
export function keysOf(binding: Binding): string[] {
  return [
    ...(binding.ctrl ? ['Ctrl'] : []),
    ...(binding.shift ? ['Shift'] : []),
    keyNames[binding.key] ?? binding.key,
  ]
}
