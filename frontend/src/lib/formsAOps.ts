// What the people, assessment, target and ranking-weight forms send: one RecordOps per kind, over the typed
// documents, so that the forms and their tests (test/forms-a.test.ts) share the same calls.
import type { Ref } from 'vue'
import { AssessmentForEditDocument } from '../gql/AssessmentForEdit'
import { CreateAssessmentDocument } from '../gql/CreateAssessment'
import { CreatePersonDocument } from '../gql/CreatePerson'
import { CreateTargetDocument } from '../gql/CreateTarget'
import { DeleteAssessmentDocument } from '../gql/DeleteAssessment'
import { DeletePersonDocument } from '../gql/DeletePerson'
import { DeleteRankingWeightsDocument } from '../gql/DeleteRankingWeights'
import { DeleteTargetDocument } from '../gql/DeleteTarget'
import { PersonForEditDocument } from '../gql/PersonForEdit'
import { RankingWeightsForEditDocument } from '../gql/RankingWeightsForEdit'
import { SetRankingWeightsDocument } from '../gql/SetRankingWeights'
import { TargetForEditDocument } from '../gql/TargetForEdit'
import { UnitForEditDocument } from '../gql/UnitForEdit'
import { UpdateAssessmentDocument } from '../gql/UpdateAssessment'
import { UpdatePersonDocument } from '../gql/UpdatePerson'
import { UpdateTargetDocument } from '../gql/UpdateTarget'
import {
  assessmentInput, personInput, targetInput, weightsInput,
  type AssessmentDraft, type IndicatorInfo, type PersonDraft, type RecordOps, type TargetDraft, type WeightsDraft,
} from './formsA'
import { gql } from './gql'
import type { UnitInfo } from './validate'

/** The unit a form opened from a unit's page starts with, or null. */
export async function unitInfo(id: string): Promise<UnitInfo | null> {
  const d = await gql(UnitForEditDocument, { id }).catch(() => null)
  const u = d?.node && 'kind' in d.node ? d.node : null
  return u ? { id: u.id, name: u.name, kind: u.kind, campus: u.campus, serviceWindow: u.serviceWindow } : null
}

export function personOps() {
  return {
    async load(id) {
      const d = await gql(PersonForEditDocument, { id })
      const p = d.node && 'citation' in d.node ? d.node : null
      if (!p) return null
      return { draft: { name: p.name, unit: p.unit ?? null, citation: p.citation }, version: p.version, demo: p.demo }
    },
    create: async (d) => (await gql(CreatePersonDocument, { input: personInput(d) })).createPerson,
    update: async (id, v, d) => (await gql(UpdatePersonDocument, { id, expectedVersion: v, input: personInput(d) })).updatePerson,
    remove: async (id, v) => (await gql(DeletePersonDocument, { id, expectedVersion: v })).deletePerson,
  } satisfies RecordOps<PersonDraft, unknown>
}

/** Assessments; `indicators` gives every indicator of the year an entry in the loaded draft. */
export function assessmentOps(indicators: Ref<IndicatorInfo[]>) {
  return {
    async load(id) {
      const d = await gql(AssessmentForEditDocument, { id })
      const a = d.node && 'baseScore' in d.node ? d.node : null
      if (!a) return null
      const scores: Record<string, string | number> = Object.fromEntries(indicators.value.map((i) => [i.code, '']))
      for (const s of a.scores) scores[s.code] = String(s.score)
      return {
        draft: { unit: a.unit, year: String(a.year), baseScore: String(a.baseScore), bonus: String(a.bonus), veto: a.veto, stage: a.stage, scores },
        version: a.version,
        demo: a.demo,
      }
    },
    create: async (d) => (await gql(CreateAssessmentDocument, { input: assessmentInput(d) })).createAssessment,
    update: async (id, v, d) => (await gql(UpdateAssessmentDocument, { id, expectedVersion: v, input: assessmentInput(d) })).updateAssessment,
    remove: async (id, v) => (await gql(DeleteAssessmentDocument, { id, expectedVersion: v })).deleteAssessment,
  } satisfies RecordOps<AssessmentDraft, unknown>
}

export function targetOps() {
  return {
    async load(id) {
      const d = await gql(TargetForEditDocument, { id })
      const t = d.node && 'metric' in d.node ? d.node : null
      if (!t) return null
      return { draft: { metric: t.metric, year: String(t.year), value: String(t.value) }, version: t.version, demo: t.demo }
    },
    create: async (d) => (await gql(CreateTargetDocument, { input: targetInput(d) })).createTarget,
    update: async (id, v, d) => (await gql(UpdateTargetDocument, { id, expectedVersion: v, input: targetInput(d) })).updateTarget,
    remove: async (id, v) => (await gql(DeleteTargetDocument, { id, expectedVersion: v })).deleteTarget,
  } satisfies RecordOps<TargetDraft, unknown>
}

/**
 * A weights version, whose "ID" is its fromYear: loading a year gives the version in force for it (its basis per
 * component goes to `basis`, its own first year to `loadedFrom`); saving sets the version of the draft's fromYear;
 * deleting removes the loaded version. Versions carry no version number, so they never raise a stale conflict.
 */
export function weightsOps(basis: Ref<Record<string, string>>, loadedFrom: Ref<number | null>) {
  const set = async (d: WeightsDraft) => (await gql(SetRankingWeightsDocument, { fromYear: Number(String(d.fromYear).trim()), weights: weightsInput(d) })).setRankingWeights
  return {
    async load(id) {
      const d = await gql(RankingWeightsForEditDocument, { year: Number(id) })
      if (!d.rankingWeights.length) return null
      basis.value = Object.fromEntries(d.rankingWeights.map((w) => [w.component, w.basis]))
      loadedFrom.value = d.rankingWeights[0].fromYear
      return {
        draft: { fromYear: String(d.rankingWeights[0].fromYear), weights: Object.fromEntries(d.rankingWeights.map((w) => [w.component, String(w.weight)])) },
        version: 0,
        demo: false,
      }
    },
    create: set,
    update: (_id, _v, d) => set(d),
    remove: async (id) => (await gql(DeleteRankingWeightsDocument, { fromYear: loadedFrom.value ?? Number(id) })).deleteRankingWeights,
  } satisfies RecordOps<WeightsDraft, unknown>
}
