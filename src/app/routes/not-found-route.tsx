import { Link } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { PageHeading } from '../../components/page-heading'
import { paths } from '../../config/paths'

export function Component() {
  return (
    <main className={style({ paddingX: 32, paddingY: 24 })}>
      <PageHeading title="Page not found" />
      <p className={style({ font: 'body' })}>
        Nothing lives at this address. Go to <Link href={paths.programs.getHref()}>My Programs</Link>.
      </p>
    </main>
  )
}
