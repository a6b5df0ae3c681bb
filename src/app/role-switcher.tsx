import { Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQueryClient } from '@tanstack/react-query'
import { ROLE_TOKENS, type Role } from '../contract/resources'
import { useRole } from './role-context'
import { ROLE_LABELS } from './role-store'

/**
 * Switches the simulated user's role. What the API offers depends on the role (links, the Add
 * menu, blocked actions), so every cached answer is dropped and refetched with the new token.
 */
export function RoleSwitcher() {
  const [role, setRole] = useRole()
  const queryClient = useQueryClient()
  const change = (next: Role) => {
    if (next === role) return
    setRole(next)
    void queryClient.resetQueries()
  }
  return (
    <Picker
      label="Role"
      labelPosition="side"
      size="S"
      selectedKey={role}
      onSelectionChange={(key) => change(key as Role)}
      styles={style({ width: 240 })}
    >
      {ROLE_TOKENS.map((r) => (
        <PickerItem key={r} id={r}>
          {ROLE_LABELS[r]}
        </PickerItem>
      ))}
    </Picker>
  )
}
