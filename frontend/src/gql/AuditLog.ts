/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 审计动作。What a write did. */
export type AuditAction =
  /** 新建。Created. */
  | 'CREATE'
  /** 删除（移入回收站）。Deleted (moved to the recycle bin). */
  | 'DELETE'
  /** 批量导入。Imported from a file. */
  | 'IMPORT'
  /** 一次删除全部演示数据。Every demo record removed at once. */
  | 'PURGE_DEMO'
  /** 从回收站恢复。Restored from the recycle bin. */
  | 'RESTORE'
  /** 修改。Updated. */
  | 'UPDATE';

/** 审计日志筛选。Filter over the audit log. */
export type AuditFilter = {
  /** 动作。Action. */
  action?: AuditAction | null | undefined;
  /** 记录类型。Kind of record. */
  entity?: Entity | null | undefined;
  /** 起始时间（含），YYYY-MM-DD 或 RFC 3339。From (inclusive): a date or an RFC 3339 time. */
  from?: string | null | undefined;
  /** 某一条记录的全局 ID（含已删除的）：只列它的条目。One record's global ID (deleted ones too): only its entries. */
  recordId?: string | null | undefined;
  /** 截止时间，YYYY-MM-DD（含当天）或 RFC 3339（不含）。To: a date (inclusive) or an RFC 3339 time (exclusive). */
  to?: string | null | undefined;
  /** 用户全局 ID。User global ID. */
  userId?: string | null | undefined;
  /** 用户名。Username. */
  username?: string | null | undefined;
};

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

export type AuditLogQueryVariables = Exact<{
  filter?: Types.AuditFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, userId: string | null, username: string, action: Types.AuditAction, entity: Types.Entity, recordId: string | null, before: string | null, after: string | null } }> } };

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

export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        at
        userId
        username
        action
        entity
        recordId
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;