import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The CSP sources (`'sha256-…'`) that allow the page's inline blocks, and nothing else. */
export type InlineHashes = { scripts: string[]; styles: string[] }

/**
 * The CSP sources that allow the inline scripts and style blocks of `html` and nothing else: the
 * theme script (scripts/inline-theme-script.ts) and the style sheet (scripts/inline-style-sheet.ts)
 * that the build put in dist/index.html, so that the first paint waits for no other request.
 * Elements with attributes (`src`, `type="module"`) are not counted. A hash never allows a style
 * attribute: those need 'unsafe-hashes', which is not sent.
 */
export function inlineHashes(html: string): InlineHashes {
  return { scripts: hashesOf(html, 'script'), styles: hashesOf(html, 'style') }
}

function hashesOf(html: string, element: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))].map(
    // Browsers hash the block's text with line breaks normalised to \n (a CRLF checkout).
    ([, body]) =>
      `'sha256-${createHash('sha256').update(body!.replace(/\r\n?/g, '\n')).digest('base64')}'`,
  )
}

/**
 * The hashes of the built page's inline blocks, as the page is now: read at start, and read
 * again whenever `index.html` is another file than last time (`npm run build` while the server
 * runs). Otherwise every load of the rebuilt page would report a violation and its theme script
 * would silently not run, nor its style sheet apply. A `stat` per page request is the whole cost;
 * the log says when the page changed. No build (or one without inline blocks) allows none.
 */
export function builtPageHashes(distDir: string, log: (line: string) => void): () => InlineHashes {
  const file = join(distDir, 'index.html')
  let version: string | undefined
  let hashes: InlineHashes = none
  const current = () => {
    const now = versionOf(file)
    if (now === version) return hashes
    const before = version
    version = now
    hashes = now === 'none' ? none : readHashes(file)
    if (before !== undefined) {
      const allowed = [...hashes.scripts, ...hashes.styles].join(' ') || 'no hash'
      log(
        `${file} changed since it was last read: its inline blocks are allowed by ${allowed} from now on.`,
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

const none: InlineHashes = { scripts: [], styles: [] }

function readHashes(file: string): InlineHashes {
  try {
    return inlineHashes(readFileSync(file, 'utf8'))
  } catch {
    // Removed between the stat and the read (a build starting): the next request looks again.
    return none
  }
}
