import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type ReactNode, useId } from 'react'

/** A titled group of controls in the simulator panel; the heading names it for assistive technology. */
export function PanelSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section
      aria-labelledby={id}
      className={style({
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        paddingY: 12,
        borderTopWidth: 1,
        borderBottomWidth: 0,
        borderXWidth: 0,
        borderStyle: 'solid',
        borderColor: 'gray-200',
      })}
    >
      <h3 id={id} className={style({ font: 'title-sm', margin: 0 })}>
        {title}
      </h3>
      {children}
    </section>
  )
}
