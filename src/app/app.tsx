import { KeyScreen } from '@/session/key-screen'
import { useKeyState } from '@/session/key-store'
import { Dashboard } from './dashboard'

/** The models view's code is asked for as the app starts (main.tsx), the key screen or not. */
export function App() {
  const { session } = useKeyState()
  return session ? <Dashboard session={session} /> : <KeyScreen />
}
