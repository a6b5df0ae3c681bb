import { Button, ButtonGroup, Content, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { fetchRejectedSnapshot, simMutations, simQueries } from '../../api/resources/sim'
import { formatDateTime } from '../../components/format-date'
import { saveFile } from './save-file'

/**
 * Shown at start-up when the browser's saved simulator state could not be loaded (GET
 * /__sim/status): says why, offers the rejected file, and goes away when dismissed. Where the
 * simulator keeps no saved state (tests, `npm run api`), the status is a 404 and nothing shows.
 */
export function SnapshotRecoveryBanner() {
  const status = useQuery(simQueries.status())
  const dismiss = useMutation(simMutations.dismissRejectedSnapshot())
  const download = useMutation({
    mutationFn: fetchRejectedSnapshot,
    onSuccess: ({ name, text }) => saveFile(name, text),
  })
  const rejected = status.data?.rejectedSnapshot
  if (!rejected || dismiss.isSuccess) return null
  return (
    <div className={style({ paddingX: 24, paddingTop: 12 })}>
      <InlineAlert variant="notice">
        <Heading>Saved state not loaded</Heading>
        <Content>
          <p className={style({ marginTop: 0 })}>
            The saved simulator state could not be loaded: {rejected.problem.replace(/\.$/, '')}. The demo scenario was loaded
            instead.
            {rejected.savedAt ? ` (Saved ${formatDateTime(rejected.savedAt)}.)` : ''}
          </p>
          <ButtonGroup>
            <Button variant="secondary" size="S" isPending={download.isPending} onPress={() => download.mutate()}>
              Download the saved state
            </Button>
            <Button
              variant="secondary"
              fillStyle="outline"
              size="S"
              isPending={dismiss.isPending}
              onPress={() => dismiss.mutate()}
            >
              Dismiss
            </Button>
          </ButtonGroup>
          {download.isError || dismiss.isError ? (
            <p role="alert" className={style({ marginBottom: 0 })}>
              {(download.error ?? dismiss.error)?.message}
            </p>
          ) : null}
        </Content>
      </InlineAlert>
    </div>
  )
}
