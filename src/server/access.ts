/**
 * Who may reach a `serve`d console. Bound to a loopback address only this machine can, so
 * nothing more is asked (but the Host header must name a loopback host, so that a web page on
 * another site cannot reach it through DNS rebinding). Bound to any other address, every
 * request must carry the access key: the `X-Console-Key` header, or the cookie that opening
 * `/?key=KEY` sets (the address bar then loses the key). The role tokens (`Authorization:
 * Bearer <role>`) are the simulated Cloud Manager's and are not access control.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { PROBLEM_TYPES } from '../contract/problem'
import { sendProblem } from './http-adapter'

export const KEY_HEADER = 'x-console-key'
export const KEY_COOKIE = 'pipeline-console-key'
export const KEY_QUERY = 'key'
/** Shorter keys are refused at start: they can be guessed. */
export const MIN_KEY_LENGTH = 8

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true
  if (isIP(bare) === 4) return bare.startsWith('127.')
  if (isIP(bare) === 6) return bare === '::1' || bare.startsWith('::ffff:127.')
  return false
}

/** The host part of a Host header (`name`, `name:port`, `[v6]:port`). */
function hostName(header: string): string {
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1)
  const colon = header.lastIndexOf(':')
  return colon >= 0 && header.indexOf(':') === colon ? header.slice(0, colon) : header
}

const digest = (text: string) => createHash('sha256').update(text).digest()

function cookies(header: string | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) map.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  return map
}

export type AccessCheck = (req: IncomingMessage, res: ServerResponse) => boolean

/**
 * Returns a check that answers (401, 403 or the key's redirect) and returns false when the
 * request must go no further. With a key the cookie holds its SHA-256, not the key itself.
 */
export function accessCheck(key: string | undefined): AccessCheck {
  if (!key) {
    return (req, res) => {
      const host = req.headers.host
      if (host === undefined || isLoopbackHost(hostName(host))) return true
      sendProblem(
        res,
        403,
        PROBLEM_TYPES.forbidden,
        'Forbidden',
        `This console listens on a loopback address and answers only requests addressed to it (Host "${host.slice(0, 100)}"); to share it, start it with --host and --access-key.`,
      )
      return false
    }
  }
  const keyDigest = digest(key)
  const cookieValue = keyDigest.toString('base64url')
  const matches = (candidate: string | undefined) => candidate !== undefined && timingSafeEqual(digest(candidate), keyDigest)
  const cookieMatches = (candidate: string | undefined) =>
    candidate !== undefined && timingSafeEqual(digest(candidate), digest(cookieValue))

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://console')
    const offered = url.searchParams.get(KEY_QUERY)
    if (offered !== null && (req.method === 'GET' || req.method === 'HEAD') && matches(offered)) {
      // Once: the browser keeps the cookie and the key leaves the address bar (and its history).
      url.searchParams.delete(KEY_QUERY)
      res.writeHead(303, {
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': `${KEY_COOKIE}=${cookieValue}; Path=/; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store',
      })
      res.end()
      return false
    }
    const header = req.headers[KEY_HEADER]
    if (matches(Array.isArray(header) ? header[0] : header)) return true
    if (cookieMatches(cookies(req.headers.cookie).get(KEY_COOKIE))) return true
    sendProblem(
      res,
      401,
      PROBLEM_TYPES.unauthorized,
      'Unauthorized',
      offered !== null
        ? 'The access key in the address is not this console’s.'
        : 'This console needs its access key: send it in the X-Console-Key header, or open /?key=KEY once in the browser.',
    )
    return false
  }
}
