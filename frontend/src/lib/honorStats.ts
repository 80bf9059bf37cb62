// honorStats helper: one composable per chart, with the page's year filter.
import { HonorStatsDocument, type HonorStatsQuery } from '../gql/HonorStats'
import type { HonorDimension, HonorLevel } from '../gql/graphql'
import { useQuery } from './gql'
import type { HonorFilter } from './records'
import { years } from './state'

/** One bucket of honour statistics (generated from HonorStats.graphql). */
export type HonorBucket = HonorStatsQuery['honorStats'][number]

export function useHonorStats(groupBy: HonorDimension[], filter: () => HonorFilter = () => ({})) {
  return useQuery(HonorStatsDocument, () => ({
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
export const LEVELS: HonorLevel[] = ['NATIONAL', 'PROVINCIAL', 'PROVINCIAL_DIRECT']
