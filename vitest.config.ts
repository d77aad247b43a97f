import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

import { sourceAliases } from './vite.config.ts'

export default defineConfig({
  plugins: [react()],
  resolve: { alias: sourceAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'common/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
})
