// Who is signed in (GET /auth/me), sign-in and sign-out, and the redirect to
// /login when the API answers 401.
import { computed, ref, shallowRef } from 'vue'
import { currentQuery } from './state'
import { hasRole, type Role } from './roles'
import { lang } from './i18n'
import { localMessage } from './messages'

export interface MeUser {
  username: string
  displayName: string
  role: Role
}
export interface Me {
  user: MeUser | null
  role: Role | null
  via: string
  anonymousRead: boolean
}

export const me = shallowRef<Me>()
/** Bumped on sign-in and sign-out, so that the live connection re-authenticates. */
export const authEpoch = ref(0)

export const role = computed(() => me.value?.role ?? null)
export const signedIn = computed(() => !!me.value?.user)
export const canRead = computed(() => !!me.value?.role)
export const canEdit = computed(() => hasRole(role.value, 'EDITOR'))
export const isAdmin = computed(() => hasRole(role.value, 'ADMIN'))

let pending: Promise<Me> | undefined

export async function loadMe(force = false): Promise<Me> {
  if (me.value && !force) return me.value
  if (pending && !force) return pending
  pending = (async () => {
    try {
      const r = await fetch('/auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      const b = (await r.json()) as Me
      me.value = { user: b.user ?? null, role: b.role ?? null, via: b.via ?? 'none', anonymousRead: !!b.anonymousRead }
    } catch {
      me.value = { user: null, role: null, via: 'none', anonymousRead: false }
    }
    return me.value
  })()
  try {
    return await pending
  } finally {
    pending = undefined
  }
}

export type LoginResult =
  | { ok: true }
  | { ok: false; status: number; message: string; retryAfter?: number }

export async function login(username: string, password: string): Promise<LoginResult> {
  let r: Response
  try {
    r = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  } catch {
    return { ok: false, status: 0, message: '' }
  }
  if (r.ok) {
    await loadMe(true)
    authEpoch.value++
    return { ok: true }
  }
  let message = ''
  try {
    const b = await r.json()
    message = b?.errors?.[0] ? localMessage(b.errors[0], lang.value) : ''
  } catch {
    /* not JSON */
  }
  const ra = Number(r.headers.get('Retry-After'))
  return { ok: false, status: r.status, message, retryAfter: Number.isFinite(ra) && ra > 0 ? ra : undefined }
}

export async function logout() {
  try {
    await fetch('/auth/logout', { method: 'POST', headers: { Accept: 'application/json' } })
  } finally {
    await loadMe(true)
    authEpoch.value++
  }
}

/** Only same-site paths may be a ?next target (no //host or scheme). */
export function safeNext(next: unknown): string {
  const s = Array.isArray(next) ? next[0] : next
  if (typeof s !== 'string' || !s.startsWith('/') || s.startsWith('//') || s.startsWith('/\\') || s.startsWith('/login')) return '/'
  return s
}

let navigate: ((path: string) => void) | undefined
let currentPath: (() => string) | undefined
export function bindLoginRedirect(nav: (path: string) => void, path: () => string) {
  navigate = nav
  currentPath = path
}

/** The API said UNAUTHENTICATED: the session ended or anonymous reading is off. */
export function goLogin() {
  const here = currentPath?.() ?? '/'
  if (here.startsWith('/login')) return
  me.value = me.value ? { ...me.value, user: null, role: me.value.anonymousRead ? 'VIEWER' : null } : me.value
  const lang = currentQuery().lang === 'en' ? '&lang=en' : ''
  navigate?.(`/login?next=${encodeURIComponent(here)}${lang}`)
}
