import { Link } from '@react-spectrum/s2'
import ChevronRight from '@react-spectrum/s2/icons/ChevronRight'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { Fragment, type ReactNode } from 'react'

export interface Crumb {
  label: string
  /** Absent for the current page. */
  href?: string
  /** Shown after the label (the current execution's Emergency indicator). */
  extra?: ReactNode
}

/**
 * A plain breadcrumb trail (nav > ol, aria-current on the last entry). S2's Breadcrumbs measure
 * themselves once on mount and stay collapsed when that happens before layout settles.
 */
export function BreadcrumbTrail({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol
        className={style({
          display: 'flex',
          alignItems: 'center',
          gap: 4,
          listStyleType: 'none',
          margin: 0,
          padding: 0,
          font: 'ui',
        })}
      >
        {crumbs.map((crumb, i) => (
          <Fragment key={crumb.label}>
            {i > 0 ? (
              <li aria-hidden className={style({ display: 'flex', color: 'neutral-subdued' })}>
                <ChevronRight />
              </li>
            ) : null}
            <li>
              {crumb.href && i < crumbs.length - 1 ? (
                <Link href={crumb.href} variant="secondary" isQuiet>
                  {crumb.label}
                </Link>
              ) : (
                <span
                  aria-current="page"
                  className={style({ fontWeight: 'bold', display: 'inline-flex', alignItems: 'center', gap: 8 })}
                >
                  {crumb.label}
                  {crumb.extra}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  )
}
