import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { canRead, loadMe, me, safeNext } from './lib/auth'
import type { Role } from './lib/roles'

export const pages = [
  { path: '/', name: 'overview', nav: 'nav_overview' },
  { path: '/creation', name: 'creation', nav: 'nav_creation' },
  { path: '/models', name: 'models', nav: 'nav_models' },
  { path: '/volunteering', name: 'volunteering', nav: 'nav_volunteering' },
  { path: '/practice', name: 'practice', nav: 'nav_practice' },
  { path: '/record', name: 'record', nav: 'nav_record' },
  { path: '/rankings', name: 'rankings', nav: 'nav_rankings' },
  { path: '/sources', name: 'sources', nav: 'nav_sources' },
] as const

/** The 数据管理 area: pages for editors and admins (the server checks the same roles). */
export const adminPages = [
  { path: '/import', name: 'import', nav: 'nav_import', need: 'EDITOR' },
  { path: '/admin/units', name: 'units', nav: 'nav_units', need: 'EDITOR' },
  { path: '/admin/reporting', name: 'reporting', nav: 'nav_reporting', need: 'VIEWER' },
  { path: '/admin/users', name: 'users', nav: 'nav_users', need: 'ADMIN' },
  { path: '/admin/tokens', name: 'tokens', nav: 'nav_tokens', need: 'ADMIN' },
  { path: '/admin/audit', name: 'audit', nav: 'nav_audit', need: 'ADMIN' },
  { path: '/admin/trash', name: 'trash', nav: 'nav_trash', need: 'ADMIN' },
  // formsa: yearly targets (admins)
  { path: '/admin/targets', name: 'targets', nav: 'nav_targets', need: 'ADMIN' },
] as const

declare module 'vue-router' {
  interface RouteMeta {
    /** Role the page needs; signed-out visitors go to /login first. */
    need?: Role
    /** Not a dashboard page: no year filter, big screen or report controls. */
    admin?: boolean
    /** Reachable without any access (the sign-in page). */
    public?: boolean
    /** A page for a unit's reporter; a reporter reaches no other page unless anonymous reading lets anyone. */
    reporter?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('./pages/OverviewPage.vue') },
  { path: '/creation', name: 'creation', component: () => import('./pages/CreationPage.vue') },
  { path: '/models', name: 'models', component: () => import('./pages/ModelsPage.vue') },
  { path: '/volunteering', name: 'volunteering', component: () => import('./pages/VolunteeringPage.vue') },
  { path: '/practice', name: 'practice', component: () => import('./pages/PracticePage.vue') },
  { path: '/record', name: 'record', component: () => import('./pages/RecordPage.vue') },
  { path: '/rankings', name: 'rankings', component: () => import('./pages/RankingsPage.vue') },
  { path: '/sources', name: 'sources', component: () => import('./pages/SourcesPage.vue') },
  { path: '/report', name: 'report', component: () => import('./pages/ReportPage.vue') },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { admin: true, public: true } },
  // A unit's reporter (单位填报员): its unit, its one-time password, its reporting tasks.
  { path: '/me', name: 'reporter-home', component: () => import('./pages/ReporterHomePage.vue'), meta: { admin: true, reporter: true } },
  { path: '/import', name: 'import', component: () => import('./pages/ImportPage.vue'), meta: { admin: true, need: 'EDITOR' } },
  { path: '/admin/units', name: 'units', component: () => import('./pages/UnitsPage.vue'), meta: { admin: true, need: 'EDITOR' } },
  { path: '/admin/reporting', name: 'reporting', component: () => import('./pages/ReportingPage.vue'), meta: { admin: true, need: 'VIEWER' } },
  { path: '/admin/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { admin: true, need: 'ADMIN' } },
  { path: '/admin/tokens', name: 'tokens', component: () => import('./pages/TokensPage.vue'), meta: { admin: true, need: 'ADMIN' } },
  { path: '/admin/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { admin: true, need: 'ADMIN' } },
  { path: '/admin/trash', name: 'trash', component: () => import('./pages/TrashPage.vue'), meta: { admin: true, need: 'ADMIN' } },
  // formsa: yearly targets (admins)
  { path: '/admin/targets', name: 'targets', component: () => import('./pages/TargetsPage.vue'), meta: { admin: true, need: 'ADMIN' } },
  // formsc: a unit's page (reached from every unit name in a table)
  { path: '/units/:id', name: 'unit', component: () => import('./pages/UnitPage.vue') },
  { path: '/:rest(.*)*', redirect: (to) => ({ path: '/', query: to.query }) },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

// Who is calling decides where they may go: without read access (anonymous reading off) every page but
// /login sends them to sign in; pages that need a role send signed-out visitors to sign in too (a signed-in
// user without the role sees the page's own 无权限 state).
router.beforeEach(async (to) => {
  await loadMe()
  if (to.meta.public) return true
  const lang = to.query.lang === 'en' ? { lang: 'en' } : {}
  if (me.value?.role === 'REPORTER') {
    // The server refuses a reporter every office field; where anonymous reading is on, the public pages answer
    // it as anyone, and nothing that needs a role.
    if (to.meta.reporter || (me.value.anonymousRead && !to.meta.need)) return true
    return { path: '/me', query: lang }
  }
  if (to.meta.reporter) return { path: '/', query: lang }
  if (!canRead.value || (to.meta.need && !me.value?.user)) {
    return { path: '/login', query: { next: safeNext(to.fullPath), ...lang } }
  }
  return true
})
