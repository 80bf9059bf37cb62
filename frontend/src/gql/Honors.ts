/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 荣誉筛选条件。Filter over honours. */
export type HonorFilter = {
  /** 类别代码。Category codes. */
  categories?: Array<string> | null | undefined;
  /** 是否演示数据（空为不限）。Demo flag; null means either. */
  demo?: boolean | null | undefined;
  /** 届次。Edition. */
  edition?: string | null | undefined;
  /** 起始年份（含）。First year, inclusive. */
  fromYear?: number | null | undefined;
  /** 级别。Levels. */
  levels?: Array<HonorLevel> | null | undefined;
  /** 获得者类型。Recipient kinds. */
  recipientKinds?: Array<RecipientKind> | null | undefined;
  /** 状态。Statuses. */
  statuses?: Array<HonorStatus> | null | undefined;
  /** 截止年份（含）。Last year, inclusive. */
  toYear?: number | null | undefined;
  /** 单位全局 ID。Unit global ID. */
  unitId?: string | null | undefined;
  /** 单位类型。Unit kind, e.g. 高校. */
  unitKind?: string | null | undefined;
};

/** 荣誉级别。Level of an honour. */
export type HonorLevel =
  /** 全国。National. */
  | 'NATIONAL'
  /** 河南省。Provincial (Henan). */
  | 'PROVINCIAL'
  /** 省直。Provincial-direct (省直机关). */
  | 'PROVINCIAL_DIRECT';

/** 荣誉排序。Ordering of honours; ties break on ID. */
export type HonorOrder = {
  /** 方向。Direction. */
  direction?: OrderDirection | null | undefined;
  /** 字段。Field. */
  field: HonorOrderField;
};

/** 荣誉排序字段。Sort field for honours. */
export type HonorOrderField =
  /** 类别。Category code. */
  | 'CATEGORY'
  /** 获得者名称。Recipient name. */
  | 'RECIPIENT'
  /** 年份。Year. */
  | 'YEAR';

/** 荣誉状态。Status of an honour. */
export type HonorStatus =
  /** 获评。Awarded. */
  | 'AWARDED'
  /** 提名/候选。Nominated or candidate. */
  | 'NOMINATED'
  /** 推荐。Recommended to a higher level. */
  | 'RECOMMENDED'
  /** 享受待遇认定。Recognised as enjoying the treatment of a title (享受…待遇). */
  | 'TREATMENT_RECOGNISED';

/** 排序方向。Sort direction. */
export type OrderDirection =
  /** 升序。Ascending. */
  | 'ASC'
  /** 降序。Descending. */
  | 'DESC';

/** 获得者类型。What kind of recipient an honour goes to. */
export type RecipientKind =
  /** 校园（与单位分开计数）。A campus, counted apart from units. */
  | 'CAMPUS'
  /** 社区（「四个优秀」之优秀志愿服务社区；无记录表，只有名称）。A community (优秀志愿服务社区 of 「四个优秀」); it has no record, only a name. */
  | 'COMMUNITY'
  /** 个人。A person. */
  | 'PERSON'
  /** 项目。A project or typical case. */
  | 'PROJECT'
  /** 单位。A unit. */
  | 'UNIT'
  /** 窗口。A service window. */
  | 'WINDOW'
  /** 作品。A work (书法、绘画…). */
  | 'WORK';

export type HonorsQueryVariables = Exact<{
  filter?: Types.HonorFilter | null | undefined;
  orderBy?: Types.HonorOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HonorsQuery = { honors: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, recipientKind: Types.RecipientKind, recipientName: string, year: number, date: string | null, edition: string | null, status: Types.HonorStatus, demo: boolean, version: number, category: { code: string, nameZh: string, nameEn: string, level: Types.HonorLevel, recipientKind: Types.RecipientKind }, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null, person: { id: string, name: string, citation: string } | null, source: { id: string, title: string } | null } }> } };

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

export const HonorsDocument = new TypedDocumentString(`
    query Honors($filter: HonorFilter, $orderBy: HonorOrder, $first: Int, $after: String) {
  honors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        recipientKind
        recipientName
        year
        date
        edition
        status
        demo
        version
        category {
          code
          nameZh
          nameEn
          level
          recipientKind
        }
        unit {
          id
          name
          kind
          campus
          serviceWindow
        }
        person {
          id
          name
          citation
        }
        source {
          id
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HonorsQuery, HonorsQueryVariables>;