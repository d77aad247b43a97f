import { chromium } from '@playwright/test'
import { existsSync } from 'node:fs'

export const systemChromium = '/usr/bin/chromium'

/** CHROMIUM_PATH when set, else the system's Chromium, else Playwright's own browser if installed. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  if (existsSync(systemChromium)) return systemChromium
  const bundled = chromium.executablePath()
  return existsSync(bundled) ? bundled : undefined
}
