import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The CSP sources that allow the inline scripts of the built page and nothing else: the theme
 * script that scripts/inline-theme-script.ts put in dist/index.html, so that the first paint
 * waits for no other request. Read once, when the server starts (restart it after a build); a
 * build without one (or no build) allows no inline script.
 */
export function inlineScriptHashes(distDir: string): string[] {
  const file = join(distDir, 'index.html')
  if (!existsSync(file)) return []
  return [...readFileSync(file, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    // Browsers hash the script's text with line breaks normalised to \n (a CRLF checkout).
    ([, body]) =>
      `'sha256-${createHash('sha256').update(body!.replace(/\r\n?/g, '\n')).digest('base64')}'`,
  )
}
