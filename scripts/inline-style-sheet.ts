import type { Plugin } from 'vite'

import { builtPagePlugin } from './built-page-plugin.ts'

const sheetLink = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/g

/**
 * Puts the app's one style sheet into the built index.html as a `<style>` block and leaves the
 * file out of the build. As a file it was a render-blocking request: the key screen the build
 * put in the page (scripts/prerender.ts) could not paint until it came, a round trip after the
 * HTML (docs/decisions/0010-first-paint-with-the-html.md). The CSP allows exactly this block by
 * its hash (server/prod/inline-hashes.ts); lazy chunks no longer name the sheet as a dependency
 * (`cssCodeSplit: false` in vite.config.ts), so nothing asks for the file.
 */
export function inlineStyleSheet(): Plugin {
  return builtPagePlugin('marqtune:inline-style-sheet', (html, _config, bundle) => {
    const links = [...html.matchAll(sheetLink)]
    if (links.length !== 1) {
      throw new Error(`index.html links ${links.length} style sheets; one was expected`)
    }
    const [tag, file = ''] = links[0]!
    const asset = bundle?.[file]
    if (!bundle || asset?.type !== 'asset') throw new Error(`${file} is not in the bundle`)
    const css =
      typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)
    if (/<\/style/i.test(css)) throw new Error(`${file} cannot be inlined: it holds "</style"`)
    delete bundle[file]
    return html.replace(tag, () => `<style>${css}</style>`)
  })
}
