/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 测评阶段：申报 → 网络评审 → 实地考察 → 公示 → 命名 → 复查/撤销。Stage an assessment reached. */
export type AssessmentStage =
  /** 申报。Applied. */
  | 'APPLIED'
  /** 命名。Named. */
  | 'NAMED'
  /** 网络评审。Online material review. */
  | 'ONLINE_REVIEW'
  /** 公示。Public notice. */
  | 'PUBLIC_NOTICE'
  /** 复查。Re-examined. */
  | 'REVIEWED'
  /** 撤销。Revoked. */
  | 'REVOKED'
  /** 实地考察。Site visit. */
  | 'SITE_VISIT';

export type AssessmentForEditQueryVariables = Exact<{
  id: string;
}>;


export type AssessmentForEditQuery = { node:
    | { id: string, year: number, baseScore: number, bonus: number, veto: boolean, total: number, stage: Types.AssessmentStage, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean }, scores: Array<{ code: string, score: number, maxScore: number }> }
    | Record<PropertyKey, never>
   | null };

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

export const AssessmentForEditDocument = new TypedDocumentString(`
    query AssessmentForEdit($id: ID!) {
  node(id: $id) {
    ... on Assessment {
      id
      year
      baseScore
      bonus
      veto
      total
      stage
      demo
      version
      unit {
        id
        name
        kind
        campus
        serviceWindow
      }
      scores {
        code
        score
        maxScore
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssessmentForEditQuery, AssessmentForEditQueryVariables>;