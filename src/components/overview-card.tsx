import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type ReactNode, useId } from 'react'

export interface OverviewCardProps {
  title: string
  /** Buttons under the content (Add, Show All…). */
  footer?: ReactNode
  children: ReactNode
}

/** A titled region of the Program Overview; the heading names the region for assistive technology. */
export function OverviewCard({ title, footer, children }: OverviewCardProps) {
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className={style({
        backgroundColor: 'layer-2',
        borderRadius: 'lg',
        padding: 16,
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        minWidth: 0,
      })}
    >
      <h2 id={headingId} className={style({ font: 'title-lg', margin: 0 })}>
        {title}
      </h2>
      {children}
      {footer ? <div className={style({ display: 'flex', gap: 8, justifyContent: 'end' })}>{footer}</div> : null}
    </section>
  )
}
