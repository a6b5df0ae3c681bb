/**
 * Stands in for `tough-cookie` (about 8 KB gzip in each of the engine worker and the page) in the
 * console's and the server's builds. MSW keeps a cookie jar for cookies that mocked responses set
 * (`Set-Cookie`) and adds them to later requests; none of the simulator's handlers sets a cookie
 * (the team server's access-key cookie is set outside them, src/server/access.ts), so the jar
 * is always empty: this one is empty by construction. Cookies a request carries are still read
 * from its `Cookie` header by MSW itself. Vitest takes the same alias.
 */
export class Cookie {
  static fromJSON(): null {
    return null
  }
}

export class MemoryCookieStore {
  idx: Record<string, unknown> = {}
}

export class CookieJar {
  getCookiesSync(): Cookie[] {
    return []
  }

  async setCookie(): Promise<void> {
    // Nothing is kept: see above.
  }
}
