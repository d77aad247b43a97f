import { useEffect } from 'react'

import { preloadWhileIdle } from '@/lib/preload'
import { KeyScreen } from '@/session/key-screen'
import { useKeyState } from '@/session/key-store'
import { Dashboard, loadModelsView } from './dashboard'

export function App() {
  const { session } = useKeyState()
  // Fetched once the first screen is up and idle, so the rows of a key need not wait for their code.
  useEffect(() => preloadWhileIdle(loadModelsView), [])
  return session ? <Dashboard session={session} /> : <KeyScreen />
}
