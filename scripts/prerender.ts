import { createServer, type Plugin } from 'vite'

import { builtPagePlugin } from './built-page-plugin.ts'

const entry = '/src/app/prerender.tsx'
const emptyRoot = '<div id="root"></div>'

/**
 * Puts the first screen's markup in the built index.html: src/app/prerender.tsx renders the
 * real components (no copy of their text to drift), loaded through Vite with the app's own
 * config, and main.tsx hydrates it. `data-prerendered` tells main.tsx and the style sheet that
 * the markup is there (docs/decisions/0005-prerendered-key-screen.md). Runs before
 * compress-assets writes the copies, so the compressed index.html is this one.
 */
export function prerenderFirstScreen(): Plugin {
  return builtPagePlugin('marqtune:prerender-first-screen', async (html, config) => {
    if (!html.includes(emptyRoot)) throw new Error(`index.html has no ${emptyRoot} to fill`)
    const server = await createServer({
      configFile: config.configFile,
      root: config.root,
      mode: config.mode,
      logLevel: 'error',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, ws: false },
    })
    try {
      const { renderFirstScreen } = await server.ssrLoadModule(entry)
      const markup: unknown =
        typeof renderFirstScreen === 'function' ? renderFirstScreen() : undefined
      if (typeof markup !== 'string') throw new Error(`${entry} rendered no markup`)
      return html.replace(emptyRoot, `<div id="root" data-prerendered>${markup}</div>`)
    } finally {
      await server.close()
    }
  })
}
