import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useId } from 'react'
import type { AmsTestingCategory } from '../../../contract/resources'

export const TESTING_CATEGORY_LABEL: Record<AmsTestingCategory, string> = {
  STATIC_CODE: 'Static Code Testing',
  PERFORMANCE: 'Load/Performance Testing',
  SECURITY: 'Security Testing',
}

const heading = style({ font: 'ui-sm', color: 'neutral-subdued', margin: 0 })
const list = style({ font: 'body', margin: 0, paddingStart: 20 })
const note = style({ font: 'body-sm', color: 'neutral-subdued', margin: 0 })

/**
 * The read-only **Testing** list of the AMS Edit dialogs (spec §C.4, §C.7): the test categories
 * the pipeline runs, as the server derived them from its kind and the program's solutions. A list
 * named by its heading, so assistive technology reads it as one group of facts, not loose text.
 */
export function AmsTestingList({ categories }: { categories: readonly AmsTestingCategory[] }) {
  const id = useId()
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 4 })}>
      <h4 id={id} className={heading}>
        Testing
      </h4>
      {categories.length > 0 ? (
        <ul aria-labelledby={id} className={list}>
          {categories.map((c) => (
            <li key={c}>{TESTING_CATEGORY_LABEL[c]}</li>
          ))}
        </ul>
      ) : (
        <p className={note}>This pipeline runs no tests.</p>
      )}
      <p className={note}>Set by the pipeline's type and the program's solutions; it cannot be changed here.</p>
    </div>
  )
}
