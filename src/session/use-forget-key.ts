import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

import { keyStore } from './key-store'

/** Drops the key and everything fetched with it; requests in flight are cancelled. */
export function useForgetKey(): (notice?: string) => void {
  const queryClient = useQueryClient()
  return useCallback(
    (notice?: string) => {
      keyStore.forget(notice)
      void queryClient.cancelQueries()
      queryClient.clear()
    },
    [queryClient],
  )
}
