// honorStats helper: one composable per chart, with the page's year filter.
import HonorStatsQuery from '../graphql/HonorStats.graphql?raw'
import { useQuery } from './gql'
import type { HonorFilter } from './records'
import { years } from './state'

export interface HonorBucket {
  year: number | null
  level: string | null
  category: string | null
  categoryNameZh: string | null
  categoryNameEn: string | null
  recipientKind: string | null
  status: string | null
  unitKind: string | null
  edition: string | null
  count: number
  points: number
}

export function useHonorStats(groupBy: string[], filter: () => HonorFilter = () => ({})) {
  return useQuery<{ honorStats: HonorBucket[] }>(HonorStatsQuery, () => ({
    groupBy,
    filter: { fromYear: years.value.from, toYear: years.value.to, ...filter() },
  }))
}

export const CREATION_CATEGORIES = [
  'NATIONAL_CIVILISED_UNIT',
  'NATIONAL_CIVILISED_CAMPUS',
  'PROVINCIAL_MODEL_UNIT',
  'PROVINCIAL_MODEL_CAMPUS',
  'PROVINCIAL_UNIT',
  'PROVINCIAL_CAMPUS',
  'TREAT_NATIONAL_UNIT',
  'TREAT_PROVINCIAL_MODEL_UNIT',
  'TREAT_PROVINCIAL_UNIT',
]
export const MODEL_CATEGORIES = ['DIRECT_MORAL_MODEL', 'DIRECT_MORAL_MODEL_NOMINEE']
export const CANDIDATE_CATEGORIES = ['NATIONAL_MORAL_MODEL_CANDIDATE', 'PROVINCIAL_MORAL_MODEL_CANDIDATE']
export const GOOD_PERSON_CATEGORIES = ['CHINA_GOOD_PERSON', 'HENAN_GOOD_PERSON', 'DIRECT_GOOD_PERSON']
export const FOUR_EXCELLENT_CATEGORIES = ['HENAN_FOUR_EXCELLENT', 'DIRECT_FOUR_EXCELLENT']
export const LEVELS = ['NATIONAL', 'PROVINCIAL', 'PROVINCIAL_DIRECT']
