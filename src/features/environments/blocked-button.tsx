import { Button, Content, ContextualHelp, Heading } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useId } from 'react'

export interface BlockedButtonProps {
  label: string
  reason: string
}

/**
 * An action this user cannot take now: the button stays in place, disabled, with the reason
 * written next to it and in a keyboard-reachable help popover (a disabled button cannot take
 * focus, so the reason must not hide behind it).
 */
export function BlockedButton({ label, reason }: BlockedButtonProps) {
  const id = useId()
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', alignItems: 'end', gap: 4, maxWidth: 480 })}>
      <div className={style({ display: 'flex', alignItems: 'center', gap: 4 })}>
        <Button variant="secondary" isDisabled aria-describedby={id}>
          {label}
        </Button>
        <ContextualHelp variant="info" aria-label={`Why ${label} is unavailable`}>
          {/* The title slot names the popover dialog. */}
          <Heading slot="title">{label} is unavailable</Heading>
          <Content>{reason}</Content>
        </ContextualHelp>
      </div>
      <span id={id} className={style({ font: 'body-sm', color: 'neutral-subdued', textAlign: 'end' })}>
        {reason}
      </span>
    </div>
  )
}
