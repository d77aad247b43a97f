/**
 * Shows a desktop notification, if this page may: `new Notification()` throws where only a
 * service worker may show one (Chrome for Android, "Illegal constructor", while permission is
 * granted). The dashboard registers no service worker (docs/decisions/0007), so there the
 * page's notice and the tab's title are the channels. False when the browser refused.
 */
export function showDesktopNotification(
  title: string,
  { body, tag, onClick }: { body: string; tag: string; onClick: () => void },
): boolean {
  try {
    const notification = new Notification(title, { body, tag })
    notification.addEventListener('click', () => {
      notification.close()
      onClick()
    })
    return true
  } catch {
    return false
  }
}
