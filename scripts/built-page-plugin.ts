import type { Plugin, ResolvedConfig, Rolldown } from 'vite'

/**
 * A build-only Vite plugin that changes the built index.html, after Vite's own changes and before
 * compress-assets writes its compressed copies: `transform` gets the page, the resolved config
 * and the bundle about to be written (a file taken into the page can be taken out of it).
 */
export function builtPagePlugin(
  name: string,
  transform: (
    html: string,
    config: ResolvedConfig,
    bundle: Rolldown.OutputBundle | undefined,
  ) => string | Promise<string>,
): Plugin {
  let config: ResolvedConfig
  return {
    name,
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => transform(html, config, context.bundle),
    },
  }
}
