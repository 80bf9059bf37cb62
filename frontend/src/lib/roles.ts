// Roles and what each may do (the server enforces the same; this only hides controls).
/** REPORTER (单位填报员) stands outside the order: it includes no office role. */
export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN' | 'REPORTER'

const rank: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3, REPORTER: 0 }

export function hasRole(role: Role | null | undefined, need: Role): boolean {
  return !!role && rank[role] > 0 && rank[role] >= rank[need]
}

/** The roles an account's role may be changed to (a reporter is made with its unit). */
export const ROLES: Role[] = ['VIEWER', 'EDITOR', 'ADMIN']
