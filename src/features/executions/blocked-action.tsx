import { Button, Content, ContextualHelp, Heading } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useId } from 'react'

export interface BlockedActionProps {
  label: string
  reason: string
}

/**
 * An action this user cannot take now: the button stays in place, disabled, with the reason
 * written next to it and in a keyboard-reachable help popover (a disabled button cannot take
 * focus, so the reason must not hide behind it).
 */
export function BlockedAction({ label, reason }: BlockedActionProps) {
  const id = useId()
  return (
    <span className={style({ display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' })}>
      <Button variant="secondary" isDisabled aria-describedby={id}>
        {label}
      </Button>
      <ContextualHelp variant="info" aria-label={`Why ${label} is unavailable`}>
        <Heading slot="title">{label} is unavailable</Heading>
        <Content>{reason}</Content>
      </ContextualHelp>
      <span id={id} className={style({ font: 'body-sm', color: 'neutral-subdued' })}>
        {reason}
      </span>
    </span>
  )
}
