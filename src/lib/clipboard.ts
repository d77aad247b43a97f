/**
 * Copies with the Clipboard API where the page may (HTTPS or localhost); elsewhere, such as a
 * dashboard served over plain HTTP on a LAN, it says so and the caller offers the text to copy
 * by hand.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** The old way, for the selected text of a field: works on plain HTTP where the browser allows. */
export function copySelection(): boolean {
  try {
    // oxlint-disable-next-line typescript/no-deprecated -- the only way without the Clipboard API
    return document.execCommand('copy')
  } catch {
    return false
  }
}
