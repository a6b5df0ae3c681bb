import { lazy, Suspense, useEffect, useRef, useSyncExternalStore } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import { storyParams, storyRequest } from './story-store'

const StoryLayer = lazy(() => import('./story-layer'))

/**
 * Starts the story the address asks for (`?story=<id>&autoplay=1`, then removed from the address)
 * or the Stories list chose, and shows it. The story code loads only then.
 */
export function StoryHost() {
  const location = useLocation()
  const navigate = useNavigate()
  const request = useSyncExternalStore(storyRequest.subscribe, storyRequest.get, storyRequest.get)
  const consumed = useRef<string | null>(null)
  useEffect(() => {
    const params = storyParams(location.search)
    if (!params || consumed.current === location.key) return
    consumed.current = location.key
    storyRequest.open(params.id, params)
    void navigate({ pathname: location.pathname, search: params.rest }, { replace: true })
  }, [location, navigate])
  if (!request) return null
  return (
    <Suspense fallback={null}>
      <StoryLayer key={request.n} request={request} />
    </Suspense>
  )
}
