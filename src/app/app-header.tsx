import { Link } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { paths } from '../config/paths'
import { NotificationToasts } from '../features/notifications/notification-toasts'
import { NotificationsBell } from '../features/notifications/notifications-bell'
import { SimulatorToggle } from '../features/simulator/simulator-toggle'
import { StoriesButton } from '../features/stories/stories-button'
import { RoleSwitcher } from './role-switcher'

export function AppHeader() {
  return (
    <header
      className={style({
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        paddingX: 24,
        paddingY: 8,
        borderBottomWidth: 1,
        borderTopWidth: 0,
        borderXWidth: 0,
        borderStyle: 'solid',
        borderColor: 'gray-200',
        backgroundColor: 'layer-1',
      })}
    >
      <span className={style({ font: 'title-lg' })}>
        <Link href={paths.programs.getHref()} isStandalone isQuiet variant="secondary">
          Pipeline Console
        </Link>
      </span>
      <div className={style({ display: 'flex', alignItems: 'center', gap: 16 })}>
        <StoriesButton />
        <SimulatorToggle />
        <NotificationsBell />
        <NotificationToasts />
        <RoleSwitcher />
      </div>
    </header>
  )
}
