import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../config/paths'
import { clearNotificationReadState } from '../notifications/read-store'

/**
 * After the whole simulator state was replaced (reset, import): every id may mean something else,
 * so go to the programs list and drop every cached answer (the visible ones are fetched again).
 */
export function useAfterStateReplaced(): () => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useCallback(async () => {
    clearNotificationReadState()
    await navigate(paths.programs.getHref())
    await queryClient.resetQueries()
  }, [navigate, queryClient])
}
