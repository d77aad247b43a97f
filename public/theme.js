// Applies the theme before the first paint. A file, not inline: the CSP allows no inline script.
// The same rule lives in src/lib/theme.ts, which takes over once the app runs.
;(function () {
  var choice = null
  try {
    choice = JSON.parse(window.localStorage.getItem('marqtune-dashboard.preference.theme'))
  } catch {
    // Storage refused: follow the system.
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
})()
