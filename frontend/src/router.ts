import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

export const pages = [
  { path: '/', name: 'overview', nav: 'nav_overview' },
  { path: '/creation', name: 'creation', nav: 'nav_creation' },
  { path: '/models', name: 'models', nav: 'nav_models' },
  { path: '/volunteering', name: 'volunteering', nav: 'nav_volunteering' },
  { path: '/practice', name: 'practice', nav: 'nav_practice' },
  { path: '/rankings', name: 'rankings', nav: 'nav_rankings' },
  { path: '/sources', name: 'sources', nav: 'nav_sources' },
] as const

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('./pages/OverviewPage.vue') },
  { path: '/creation', name: 'creation', component: () => import('./pages/CreationPage.vue') },
  { path: '/models', name: 'models', component: () => import('./pages/ModelsPage.vue') },
  { path: '/volunteering', name: 'volunteering', component: () => import('./pages/VolunteeringPage.vue') },
  { path: '/practice', name: 'practice', component: () => import('./pages/PracticePage.vue') },
  { path: '/rankings', name: 'rankings', component: () => import('./pages/RankingsPage.vue') },
  { path: '/sources', name: 'sources', component: () => import('./pages/SourcesPage.vue') },
  { path: '/report', name: 'report', component: () => import('./pages/ReportPage.vue') },
  { path: '/:rest(.*)*', redirect: (to) => ({ path: '/', query: to.query }) },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})
