/**
 * Chart colours from the theme's CSS variables, read when the chart draws, so a theme switch
 * recolours it on its next draw. Each role names the variables to try in order (semantic tokens
 * first, then the Tailwind palette the app uses) and a last colour that always works.
 */

const roles = {
  axis: ['--muted-foreground', '--color-slate-600'],
  grid: ['--border', '--color-slate-200'],
  text: ['--foreground', '--color-slate-900'],
} as const

const fallbacks: Record<keyof typeof roles, string> = {
  axis: '#475569',
  grid: '#e2e8f0',
  text: '#0f172a',
}

/** One colour a series, told apart in both themes; `--chart-N` (shadcn's tokens) wins. */
const seriesPalette: readonly (readonly [string, string])[] = [
  ['--color-indigo-600', '#4f46e5'],
  ['--color-emerald-600', '#059669'],
  ['--color-amber-600', '#d97706'],
  ['--color-sky-600', '#0284c7'],
  ['--color-violet-600', '#7c3aed'],
  ['--color-red-600', '#dc2626'],
]

/** The first of `variables` set on `element` (or inherited) that is a colour; else `fallback`. */
export function cssColour(
  element: Element,
  variables: readonly string[],
  fallback: string,
): string {
  const style = getComputedStyle(element)
  for (const variable of variables) {
    const value = style.getPropertyValue(variable).trim()
    if (!value) continue
    if (isColour(value)) return value
    // shadcn before Tailwind 4 kept bare HSL parts in its tokens: `222 47% 11%`.
    if (isColour(`hsl(${value})`)) return `hsl(${value})`
  }
  return fallback
}

function isColour(value: string): boolean {
  // Without CSS.supports (jsdom), take the value: a wrong one only draws in the canvas default.
  return typeof CSS === 'undefined' || typeof CSS.supports !== 'function'
    ? true
    : CSS.supports('color', value)
}

export function roleColour(element: Element, role: keyof typeof roles): string {
  return cssColour(element, roles[role], fallbacks[role])
}

/** The variables a series' colour is read from, in order, and the colour that always works. */
function seriesVariables(index: number): { variables: string[]; fallback: string } {
  const [variable, fallback] = seriesPalette[index % seriesPalette.length]!
  const chartToken = `--chart-${(index % 5) + 1}`
  return {
    variables: index === 0 ? [chartToken, '--accent', variable] : [chartToken, variable],
    fallback,
  }
}

export function seriesColour(element: Element, index: number): string {
  const { variables, fallback } = seriesVariables(index)
  return cssColour(element, variables, fallback)
}

/** The same colour as CSS (`var(--chart-1, var(--accent, …))`), for a legend's swatch. */
export function seriesColourCss(index: number): string {
  const { variables, fallback } = seriesVariables(index)
  return variables.reduceRight((inner, variable) => `var(${variable}, ${inner})`, fallback)
}
