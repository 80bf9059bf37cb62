/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 测评筛选。Filter over assessments. */
export type AssessmentFilter = {
  /** 是否演示数据。Demo flag. */
  demo?: boolean | null | undefined;
  /** 阶段。Stage. */
  stage?: AssessmentStage | null | undefined;
  /** 单位全局 ID。Unit global ID. */
  unitId?: string | null | undefined;
  /** 单位类型。Unit kind. */
  unitKind?: string | null | undefined;
  /** 年份。Year. */
  year?: number | null | undefined;
};

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

export type AssessmentsQueryVariables = Exact<{
  filter?: Types.AssessmentFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssessmentsQuery = { assessments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, year: number, baseScore: number, bonus: number, veto: boolean, total: number, stage: Types.AssessmentStage, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } } }> } };

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

export const AssessmentsDocument = new TypedDocumentString(`
    query Assessments($filter: AssessmentFilter, $first: Int, $after: String) {
  assessments(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
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
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssessmentsQuery, AssessmentsQueryVariables>;