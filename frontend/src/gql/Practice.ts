/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 文明实践活动类型。Kind of practice activity. */
export type ActivityKind =
  /** “文明探源我来说”文物保护宣讲。Heritage-protection talk. */
  | 'HERITAGE_TALK'
  /** “四送一助力”结对帮创。Pairing activity. */
  | 'PAIRING'
  /** 河南省新时代文明实践推动周专题活动。Promotion-week thematic activity. */
  | 'PROMOTION_WEEK'
  /** 常态化活动。Routine activity. */
  | 'ROUTINE';

export type PracticeQueryVariables = Exact<{
  from?: number | null | undefined;
  to?: number | null | undefined;
}>;


export type PracticeQuery = { practiceSummary: { centers: number, identifiedCenters: number, linkedUnits: number, coveredCenters: number, activitySessions: number, participants: number, pairings: number, byPrefecture: Array<{ prefecture: string, prefectureCode: string, centers: number, linkedUnits: number, activitySessions: number }> }, practiceActivityStats: Array<{ year: number, kind: Types.ActivityKind, activities: number, sessions: number, participants: number }>, practiceCenters: Array<{ id: string, code: string, name: string, county: string, prefecture: string, prefectureCode: string, identified: boolean, note: string, activitySessions: number, links: Array<{ id: string, sinceYear: number, unit: { id: string, name: string } }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PracticeDocument = new TypedDocumentString(`
    query Practice($from: Int, $to: Int) {
  practiceSummary(fromYear: $from, toYear: $to) {
    centers
    identifiedCenters
    linkedUnits
    coveredCenters
    activitySessions
    participants
    pairings
    byPrefecture {
      prefecture
      prefectureCode
      centers
      linkedUnits
      activitySessions
    }
  }
  practiceActivityStats(fromYear: $from, toYear: $to) {
    year
    kind
    activities
    sessions
    participants
  }
  practiceCenters {
    id
    code
    name
    county
    prefecture
    prefectureCode
    identified
    note
    activitySessions
    links {
      id
      sinceYear
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PracticeQuery, PracticeQueryVariables>;