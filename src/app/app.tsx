import { KeyScreen } from '@/session/key-screen'
import { useKeyState } from '@/session/key-store'
import { Dashboard } from './dashboard'

export function App() {
  const { session } = useKeyState()
  return session ? <Dashboard session={session} /> : <KeyScreen />
}
