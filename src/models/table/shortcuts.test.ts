import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { keysOf, shortcutOf, shortcuts } from './shortcuts'

const press = (key: string, modifiers: Partial<Record<'ctrl' | 'meta' | 'shift', boolean>> = {}) =>
  shortcutOf({
    key,
    ctrlKey: modifiers.ctrl ?? false,
    metaKey: modifiers.meta ?? false,
    shiftKey: modifiers.shift ?? false,
    altKey: false,
  })

describe('the shortcuts', () => {
  it('read a key press as the one shortcut it is', () => {
    expect(press('j')).toBe('next')
    expect(press('ArrowDown')).toBe('next')
    expect(press('ArrowLeft', { shift: true })).toBe('narrower')
    expect(press('ArrowLeft')).toBe('left')
    expect(press('Home', { ctrl: true })).toBe('first')
    expect(press('End', { meta: true })).toBe('last')
    expect(press('Home')).toBe('row-start')
    expect(press(' ')).toBe('select')
    expect(press('?', { shift: true })).toBe('help')
    expect(press('j', { ctrl: true })).toBeUndefined()
    expect(press('x')).toBeUndefined()
  })

  it('are the ones the README lists, key for key', () => {
    const readme = readFileSync('README.md', 'utf8')
    const table = readme.slice(
      readme.indexOf('| keys'),
      readme.indexOf('\n\n', readme.indexOf('| keys')),
    )
    const rows = table
      .split('\n')
      .slice(2)
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, keys = '', action = '']) => ({ keys, action }))
    expect(rows).toEqual(
      shortcuts.map(({ keys, action }) => ({
        keys: keys
          .map((binding) =>
            keysOf(binding)
              .map((key) => `\`${key}\``)
              .join(' + '),
          )
          .join(' or '),
        action,
      })),
    )
  })
})
