import { afterEach, describe, expect, it, vi } from 'vitest'

import { cssColour, roleColour, seriesColour } from './chart-colours'

function element(variables: Record<string, string>): HTMLElement {
  const node = document.createElement('div')
  for (const [name, value] of Object.entries(variables)) node.style.setProperty(name, value)
  document.body.append(node)
  return node
}

afterEach(() => {
  document.body.replaceChildren()
})

describe('chart colours', () => {
  it('take the first variable that is set, else the fallback', () => {
    const node = element({ '--border': 'rgb(1, 2, 3)', '--color-slate-200': 'rgb(9, 9, 9)' })
    expect(roleColour(node, 'grid')).toBe('rgb(1, 2, 3)')
    expect(roleColour(node, 'axis')).toBe('#475569')
  })

  it('follow the Tailwind palette the app has today, and semantic tokens when they come', () => {
    expect(seriesColour(element({ '--color-indigo-600': 'rgb(79, 70, 229)' }), 0)).toBe(
      'rgb(79, 70, 229)',
    )
    expect(seriesColour(element({ '--chart-2': 'rgb(0, 128, 0)' }), 1)).toBe('rgb(0, 128, 0)')
    expect(seriesColour(element({}), 2)).toBe('#d97706')
  })

  it('read bare HSL parts as a colour, and skip a value that is no colour', () => {
    vi.stubGlobal('CSS', {
      supports: (_: string, value: string) => /^(#|hsl\(\d)/.test(value),
    })
    expect(cssColour(element({ '--border': '214 32% 91%' }), ['--border'], '#000')).toBe(
      'hsl(214 32% 91%)',
    )
    expect(cssColour(element({ '--border': 'not a colour' }), ['--border'], '#000')).toBe('#000')
  })
})
