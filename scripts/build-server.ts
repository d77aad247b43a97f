/**
 * The production server as one plain JavaScript file, `dist-server/main.js`, that `node` runs
 * without tsx. hono and @hono/node-server stay imports: they are the production dependencies,
 * installed by `npm ci --omit=dev`. Not minified, so a stack trace stays readable.
 * Outside dist/, which is public: the server's code is never served.
 */
import { build } from 'esbuild'

await build({
  entryPoints: ['server/prod/main.ts'],
  outfile: 'dist-server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  // Its `paths` (@common/…) are bundled; the root tsconfig.json only lists references.
  tsconfig: 'tsconfig.node.json',
  logLevel: 'info',
})
