/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 测评的可写字段。What an editor sets on an assessment; scores replace the existing ones. */
export type AssessmentInput = {
  /** 基础分（0–100）。Base score. */
  baseScore: number;
  /** 加分（0–10）。Bonus. */
  bonus?: number | null | undefined;
  /** 各指标得分（整体替换）。Indicator scores, replaced as a whole. */
  scores?: Array<IndicatorScoreInput> | null | undefined;
  /** 阶段。Stage. */
  stage: AssessmentStage;
  /** 单位。Unit. */
  unitId: string;
  /** 一票否决。Veto. */
  veto?: boolean | null | undefined;
  /** 年份。Year. */
  year: number;
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

/** 一项指标得分。One indicator score. */
export type IndicatorScoreInput = {
  /** 指标代码（须属于该年施行的指标版本）。Indicator code of the year's version. */
  code: string;
  /** 得分（0 至该指标满分）。Score, from 0 to the indicator's maximum. */
  score: number;
};

export type UpdateAssessmentMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  input: Types.AssessmentInput;
}>;


export type UpdateAssessmentMutation = { updateAssessment: { id: string, year: number, total: number, version: number, demo: boolean, unit: { id: string, name: string } } };

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

export const UpdateAssessmentDocument = new TypedDocumentString(`
    mutation UpdateAssessment($id: ID!, $expectedVersion: Int!, $input: AssessmentInput!) {
  updateAssessment(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    year
    total
    version
    demo
    unit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateAssessmentMutation, UpdateAssessmentMutationVariables>;