import type { Plugin, ResolvedConfig } from 'vite'

/**
 * A build-only Vite plugin that changes the built index.html, after Vite's own changes and before
 * compress-assets writes its compressed copies: `transform` gets the page and the resolved config.
 */
export function builtPagePlugin(
  name: string,
  transform: (html: string, config: ResolvedConfig) => string | Promise<string>,
): Plugin {
  let config: ResolvedConfig
  return {
    name,
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    transformIndexHtml: { order: 'post', handler: (html) => transform(html, config) },
  }
}
