/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 记录类型（写入、回收站与审计日志所指）。Kind of record that writes, the recycle bin and the audit log refer to. */
export type Entity =
  /** 测评（含指标得分）。Assessment, with its indicator scores. */
  | 'ASSESSMENT'
  /** 专项行动。Campaign. */
  | 'CAMPAIGN'
  /** 会议培训活动。Meeting or training. */
  | 'CIVILISATION_EVENT'
  /** 全部演示数据（仅见于审计日志的演示数据清除条目）。The whole demo dataset, as the audit log names a demo purge. */
  | 'DEMO_DATA'
  /** 捐赠。Donation. */
  | 'DONATION'
  /** 优秀案例。Excellent case. */
  | 'EXCELLENT_CASE'
  /** 荣誉。Honour. */
  | 'HONOR'
  /** 荣誉类别的排名积分（管理员；只可修改，不可删除）。A category's ranking points (ADMIN; set, never deleted). */
  | 'HONOR_CATEGORY'
  /** 结对帮创。Pairing. */
  | 'PAIRING'
  /** 人物。Person. */
  | 'PERSON'
  /** 文明实践活动。Practice activity. */
  | 'PRACTICE_ACTIVITY'
  /** 单位与实践中心的联系。Practice link. */
  | 'PRACTICE_LINK'
  /** 排名权重版本（管理员）。A version of the ranking weights (ADMIN). */
  | 'RANKING_WEIGHTS'
  /** 人才库成员。Talent-pool member. */
  | 'TALENT_MEMBER'
  /** 年度目标（管理员）。Target (ADMIN). */
  | 'TARGET'
  /** 单位。Unit. */
  | 'UNIT'
  /** 志愿服务记录。Volunteer record. */
  | 'VOLUNTEER_RECORD'
  /** 微心愿。Wish. */
  | 'WISH';

export type DeleteExcellentCaseMutationVariables = Exact<{
  id: string;
  expectedVersion?: number | null | undefined;
}>;


export type DeleteExcellentCaseMutation = { deleteExcellentCase: { id: string, entity: Types.Entity, recordId: string | null, deletedAt: string } };

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

export const DeleteExcellentCaseDocument = new TypedDocumentString(`
    mutation DeleteExcellentCase($id: ID!, $expectedVersion: Int) {
  deleteExcellentCase(id: $id, expectedVersion: $expectedVersion) {
    id
    entity
    recordId
    deletedAt
  }
}
    `) as unknown as TypedDocumentString<DeleteExcellentCaseMutation, DeleteExcellentCaseMutationVariables>;