import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The CSP sources that allow the inline scripts of `html` and nothing else: the theme script
 * that scripts/inline-theme-script.ts put in dist/index.html, so that the first paint waits for
 * no other request. Scripts with attributes (`src`, `type="module"`) are not inline ones.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    // Browsers hash the script's text with line breaks normalised to \n (a CRLF checkout).
    ([, body]) =>
      `'sha256-${createHash('sha256').update(body!.replace(/\r\n?/g, '\n')).digest('base64')}'`,
  )
}

/**
 * The hashes of the built page's inline scripts, as the page is now: read at start, and read
 * again whenever `index.html` is another file than last time (`npm run build` while the server
 * runs). Otherwise every load of the rebuilt page would report a violation and its theme script
 * would silently not run. A `stat` per page request is the whole cost; the log says when the
 * page changed. No build (or one without inline scripts) allows no inline script.
 */
export function builtPageHashes(distDir: string, log: (line: string) => void): () => string[] {
  const file = join(distDir, 'index.html')
  let version: string | undefined
  let hashes: string[] = []
  const current = () => {
    const now = versionOf(file)
    if (now === version) return hashes
    const before = version
    version = now
    hashes = now === 'none' ? [] : readHashes(file)
    if (before !== undefined) {
      log(
        `${file} changed since it was last read: its inline scripts are allowed by ${hashes.join(' ') || 'no hash'} from now on.`,
      )
    }
    return hashes
  }
  current()
  return current
}

/** What tells one build's page from the next: its inode, size and time of writing. */
function versionOf(file: string): string {
  try {
    const { ino, size, mtimeMs } = statSync(file)
    return `${ino}:${size}:${mtimeMs}`
  } catch {
    return 'none'
  }
}

function readHashes(file: string): string[] {
  try {
    return inlineScriptHashes(readFileSync(file, 'utf8'))
  } catch {
    // Removed between the stat and the read (a build starting): the next request looks again.
    return []
  }
}
