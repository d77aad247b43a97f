import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

import { builtPagePlugin } from './built-page-plugin.ts'

const themeTag = '<script src="/theme.js"></script>'

/**
 * Puts public/theme.js into the built index.html: as a file it was a parser-blocking request, one
 * round trip after the HTML, before the key screen's markup (scripts/prerender.ts) could paint.
 * The CSP allows exactly this inline block by its hash (server/prod/inline-hashes.ts); the style
 * sheet is inlined the same way (scripts/inline-style-sheet.ts).
 */
export function inlineThemeScript(): Plugin {
  return builtPagePlugin('marqtune:inline-theme-script', (html, config) => {
    if (!html.includes(themeTag)) throw new Error(`index.html has no ${themeTag} to inline`)
    const theme = readFileSync(join(config.publicDir, 'theme.js'), 'utf8')
    if (theme.includes('</script')) throw new Error('public/theme.js cannot be inlined')
    return html.replace(themeTag, () => `<script>${theme}</script>`)
  })
}
