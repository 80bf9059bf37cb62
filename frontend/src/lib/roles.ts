// Roles and what each may do (the server enforces the same; this only hides controls).
export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN'

const rank: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 }

export function hasRole(role: Role | null | undefined, need: Role): boolean {
  return !!role && rank[role] >= rank[need]
}

export const ROLES: Role[] = ['VIEWER', 'EDITOR', 'ADMIN']
