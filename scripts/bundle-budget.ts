/**
 * Part of `npm test`: fails when the initial JavaScript, as the server sends it (the build's
 * brotli copies), outgrows its budget. Sizes are deterministic.
 */
import { initialAssets, initialJsBudget, total } from './bundle-size'

const assets = initialAssets()
const js = total(assets, 'js', 'brotli')
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
for (const asset of assets) {
  console.log(
    `${asset.file}: ${kib(asset.raw)} raw, ${kib(asset.brotli)} brotli, ${kib(asset.gzip)} gzip`,
  )
}
// In bytes too: one decimal cannot tell "just under" from "just over".
console.log(
  `Initial JavaScript: ${kib(js)} brotli of a ${kib(initialJsBudget)} budget (${initialJsBudget - js} bytes to spare).`,
)
if (js > initialJsBudget) {
  console.error(
    `Over budget by ${js - initialJsBudget} bytes: load rarely used parts lazily (see src/models/models-screen.tsx).`,
  )
  process.exit(1)
}
