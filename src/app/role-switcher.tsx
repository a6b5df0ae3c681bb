import { Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMatch } from 'react-router-dom'
import { programQueries } from '../api/resources/programs'
import { paths } from '../config/paths'
import { AMS_ONLY_ROLES, AMS_PROGRAM_TYPE, ROLE_TOKENS, type Role } from '../contract/resources'
import { useRole } from './role-context'
import { ROLE_LABELS } from './role-store'

/**
 * The roles to offer: Customer Success Engineer exists on Managed Services programs only, so it
 * is offered where the open program's type says AMS. The current role always stays listed, so
 * the picker never shows an empty choice after moving to another program.
 */
export function offeredRoles(programType: string | undefined, current: Role): Role[] {
  const ams = programType === AMS_PROGRAM_TYPE
  return ROLE_TOKENS.filter((r) => ams || !AMS_ONLY_ROLES.includes(r) || r === current)
}

/**
 * Switches the simulated user's role. What the API offers depends on the role (links, the Add
 * menu, blocked actions), so every cached answer is dropped and refetched with the new token.
 */
export function RoleSwitcher() {
  const [role, setRole] = useRole()
  const queryClient = useQueryClient()
  const programId = useMatch(`${paths.program.path}/*`)?.params.programId
  const program = useQuery({ ...programQueries.detail(programId ?? ''), enabled: programId !== undefined })
  const change = (next: Role) => {
    if (next === role) return
    setRole(next)
    void queryClient.resetQueries()
  }
  const roles = offeredRoles(programId === undefined ? undefined : program.data?.type, role)
  return (
    <Picker
      label="Role"
      labelPosition="side"
      size="S"
      selectedKey={role}
      onSelectionChange={(key) => change(key as Role)}
      styles={style({ width: 280 })}
    >
      {roles.map((r) => (
        <PickerItem key={r} id={r}>
          {ROLE_LABELS[r]}
        </PickerItem>
      ))}
    </Picker>
  )
}
