/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 数值的依据。Where a value comes from, so that a fact can be told from configuration or an estimate. */
export type Basis =
  /** 默认配置：随系统提供的配置，尚未经本办确认。Shipped configuration nobody has confirmed yet. */
  | 'DEFAULT'
  /** 估计：本系统的估计，如专项行动的结束日期。Our own estimate, such as a campaign's end date. */
  | 'ESTIMATE'
  /** 本办录入：由本办填写，如目标、管理员设定的权重。Entered by the office, such as targets and weights an admin sets. */
  | 'OFFICE'
  /** 公布：出自来源文档。Published in a source document. */
  | 'PUBLISHED';

/** 进度指标。Metrics with a yearly series. */
export type ProgressMetric =
  /** 平均测评得分。Average assessment score. */
  | 'AVERAGE_ASSESSMENT_SCORE'
  /** 好人（中国好人、河南好人、省直身边好人）获评人数。Good people awarded. */
  | 'GOOD_PEOPLE'
  /** 全国级获评荣誉数（只计已授予，不含享受待遇和推荐）。National honours awarded; excludes treatment recognitions and recommendations. */
  | 'HONORS_NATIONAL'
  /** 省级获评荣誉数（只计已授予）。Provincial honours awarded. */
  | 'HONORS_PROVINCIAL'
  /** 省直级获评荣誉数（只计已授予）。Provincial-direct honours awarded. */
  | 'HONORS_PROVINCIAL_DIRECT'
  /** 推荐数（候选人、推荐的窗口和标兵）。Recommended candidates and entries. */
  | 'HONORS_RECOMMENDED'
  /** 全部获评荣誉数（只计已授予）。All honours awarded. */
  | 'HONORS_TOTAL'
  /** 推荐认定享受文明单位待遇数。Units recognised as enjoying a title's treatment (享受…待遇). */
  | 'HONORS_TREATMENT_RECOGNISED'
  /** 省直道德模范（含提名奖）获评人数。Provincial-direct moral models awarded (incl. nomination awards). */
  | 'MORAL_MODELS'
  /** 文明实践活动场次。Practice activity sessions. */
  | 'PRACTICE_ACTIVITIES'
  /** 志愿者人次。Volunteers (person-times). */
  | 'VOLUNTEERS'
  /** 志愿服务时长（小时）。Volunteer hours. */
  | 'VOLUNTEER_HOURS';

/** 年度目标的可写字段（管理员）。What an admin sets on a target. */
export type TargetInput = {
  /** 指标。Metric. */
  metric: ProgressMetric;
  /** 目标值（≥ 0）。Value. */
  value: number;
  /** 年份。Year. */
  year: number;
};

export type CreateTargetMutationVariables = Exact<{
  input: Types.TargetInput;
}>;


export type CreateTargetMutation = { createTarget: { id: string, metric: Types.ProgressMetric, year: number, value: number, version: number, basis: Types.Basis } };

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

export const CreateTargetDocument = new TypedDocumentString(`
    mutation CreateTarget($input: TargetInput!) {
  createTarget(input: $input) {
    id
    metric
    year
    value
    version
    basis
  }
}
    `) as unknown as TypedDocumentString<CreateTargetMutation, CreateTargetMutationVariables>;