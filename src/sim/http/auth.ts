/**
 * Bearer tokens name the caller's role(s): `Authorization: Bearer deployment-manager`, several
 * comma-separated, or `admin` for the four Cloud Manager roles (never `cse`, the AMS Customer
 * Success Engineer, who has to be named).
 */
import { ADMIN_ROLES, ROLES, type Actor, type Role } from '../../engine/model'

export type AuthResult = { ok: true; actor: Actor } | { ok: false; reason: string }

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

export function authenticate(header: string | null): AuthResult {
  if (!header) return { ok: false, reason: 'Missing Authorization header: send "Authorization: Bearer <role>".' }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
  if (!match) return { ok: false, reason: 'The Authorization header must be "Bearer <role>".' }
  const token = (match[1] as string).toLowerCase()
  if (token === 'admin') return { ok: true, actor: { roles: ADMIN_ROLES, userId: 'admin@AdobeID' } }
  const names = token.split(',')
  const roles = names.filter(isRole)
  if (roles.length === 0 || roles.length !== names.length) {
    return {
      ok: false,
      reason: `Unknown token "${match[1]}": use admin or one of ${ROLES.join(', ')} (comma-separated for several).`,
    }
  }
  return { ok: true, actor: { roles, userId: `${roles.join('+')}@AdobeID` } }
}
