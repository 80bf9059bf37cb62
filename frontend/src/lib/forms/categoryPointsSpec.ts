// The RecordFormSpec of an honour category's ranking points (admins): one number, 0–100 (validatePoints mirrors
// ValidateCategoryPoints). Points carry no version and are set, never created or deleted: the form always edits the
// category it was opened on, whose code stands for its ID.
import { SetHonorCategoryPointsDocument } from '../../gql/SetHonorCategoryPoints'
import { gql } from '../gql'
import { pick } from '../i18n'
import { ta } from '../i18n-admin'
import { validatePoints } from './peopleAssessmentsTargets'
import type { RecordFormSpec } from './recordEditor'

/** A category as the points form shows it. */
export interface CategoryPoints {
  code: string
  nameZh: string
  nameEn: string
  weight: number
  weightBasis: string
}

/** The draft: the points' text as typed. */
export interface PointsDraft {
  points: string | number
}

/** The category as the form's record: its code for an ID, and no version to check. */
export const pointsRecord = (c: CategoryPoints) => ({ ...c, id: c.code, version: 0 })

/** How a category's points are set. */
export const categoryPointsSpec: RecordFormSpec<PointsDraft, ReturnType<typeof pointsRecord>> = {
  // A server error on the code has no field of its own: it shows at the points.
  fields: ['points', 'code'],
  inputIds: { points: 'cp-points', code: 'cp-points' },
  blank: () => ({ points: '' }),
  fromRecord: (c) => ({ points: String(c.weight) }),
  validate: (d) => validatePoints(d.points),
  load: async () => null,
  create: async () => '',
  update: async (code, _v, d) => {
    const c = (await gql(SetHonorCategoryPointsDocument, { code, points: Number(String(d.points).trim()) })).setHonorCategoryPoints
    return ta('fa_pointsSaved', { n: pick(c.nameZh, c.nameEn), p: c.weight })
  },
}
