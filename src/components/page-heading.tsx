import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ReactNode } from 'react'

export interface PageHeadingProps {
  title: string
  /** Actions on the right, e.g. the Add Pipeline button. */
  actions?: ReactNode
}

/** The one h1 of a page, with its context actions. */
export function PageHeading({ title, actions }: PageHeadingProps) {
  return (
    <div className={style({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, marginBottom: 16 })}>
      <h1 className={style({ font: 'heading-xl', margin: 0 })}>{title}</h1>
      {actions}
    </div>
  )
}
