/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 时长记录方式（《志愿服务记录与证明出具办法》）。How service hours were captured. */
export type RecordingMethod =
  /** 补录。Back-filled later. */
  | 'BACKFILL'
  /** 本人申报。Self-reported. */
  | 'SELF_REPORT'
  /** 按班次。By shift. */
  | 'SHIFT'
  /** 签到签退。Sign-in and sign-out. */
  | 'SIGN_IN';

/** 志愿服务筛选。Filter over volunteer service records. */
export type VolunteerFilter = {
  /** 专项行动代码。Campaign codes; ROUTINE selects routine service. */
  campaigns?: Array<string> | null | undefined;
  /** 是否演示数据。Demo flag. */
  demo?: boolean | null | undefined;
  /** 起始年份。First year. */
  fromYear?: number | null | undefined;
  /** 记录方式。Recording methods. */
  methods?: Array<RecordingMethod> | null | undefined;
  /** 截止年份。Last year. */
  toYear?: number | null | undefined;
  /** 单位全局 ID。Unit global ID. */
  unitId?: string | null | undefined;
  /** 单位类型。Unit kind. */
  unitKind?: string | null | undefined;
  /** 是否已核实。Verified flag. */
  verified?: boolean | null | undefined;
};

export type VolunteerRecordsQueryVariables = Exact<{
  filter?: Types.VolunteerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VolunteerRecordsQuery = { volunteerRecords: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, date: string, volunteers: number, hours: number, method: Types.RecordingMethod, verified: boolean, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean }, campaign: { id: string, code: string, nameZh: string, nameEn: string } | null } }> } };

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

export const VolunteerRecordsDocument = new TypedDocumentString(`
    query VolunteerRecords($filter: VolunteerFilter, $first: Int, $after: String) {
  volunteerRecords(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        date
        volunteers
        hours
        method
        verified
        demo
        version
        unit {
          id
          name
          kind
          campus
          serviceWindow
        }
        campaign {
          id
          code
          nameZh
          nameEn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VolunteerRecordsQuery, VolunteerRecordsQueryVariables>;