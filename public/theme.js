// Runs before the first paint. The build puts it inline in index.html (scripts/inline-theme-script.ts,
// allowed by its hash in the CSP); the dev server loads this file.
// 1. Applies the theme and marks <html> with the choice (the theme control shows it). The same
//    rule lives in src/lib/theme.ts, which takes over once the app runs.
// 2. Marks a tab that keeps an API key, so that the key screen the build put in the page stays
//    hidden while the dashboard loads (src/index.css). The storage name is src/session/key-store.ts's;
//    src/app/startup.test.tsx fails if the two differ.
;(function () {
  var root = document.documentElement
  var choice = null
  try {
    choice = JSON.parse(window.localStorage.getItem('marqtune-dashboard.preference.theme'))
  } catch {
    // Storage refused: follow the system.
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  root.classList.toggle('dark', dark)
  root.setAttribute(
    'data-theme-choice',
    choice === 'dark' || choice === 'light' ? choice : 'system',
  )
  try {
    if (window.sessionStorage.getItem('marqtune-dashboard.api-key')) {
      root.setAttribute('data-kept-key', '')
    }
  } catch {
    // Storage refused: the app finds no key either, and shows the key screen.
  }
})()
