import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { NavLink } from 'react-router-dom'
import { PROGRAM_SECTIONS } from './program-sections'

const link = style({
  display: 'block',
  paddingX: 12,
  paddingY: 8,
  borderRadius: 'default',
  font: 'ui',
  textDecoration: 'none',
  color: { default: 'neutral-subdued', isCurrent: 'neutral' },
  fontWeight: { default: 'normal', isCurrent: 'bold' },
  backgroundColor: { default: 'transparent', isCurrent: 'gray-100' },
  outlineStyle: { default: 'none', ':focus-visible': 'solid' },
  outlineColor: 'focus-ring',
  outlineWidth: 2,
})

/**
 * Plain links in a labelled nav landmark: the current page is marked with aria-current by
 * NavLink, which is what assistive technology expects of site navigation. Audit is there on AMS programs only.
 */
export function ProgramNav({ programId, ams }: { programId: string; ams: boolean }) {
  return (
    <nav
      aria-label="Program"
      className={style({
        width: 180,
        flexShrink: 0,
        padding: 16,
        borderEndWidth: 1,
        borderStartWidth: 0,
        borderYWidth: 0,
        borderStyle: 'solid',
        borderColor: 'gray-200',
      })}
    >
      <ul className={style({ listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 })}>
        {PROGRAM_SECTIONS.filter((section) => ams || !section.amsOnly).map((section) => (
          <li key={section.key}>
            <NavLink to={section.href(programId)} className={({ isActive }) => link({ isCurrent: isActive })}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
