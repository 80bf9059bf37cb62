/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type HonorForEditQueryVariables = Exact<{
  id: string;
}>;


export type HonorForEditQuery = { node:
    | { id: string, year: number, date: string | null, edition: string | null, status: Types.HonorStatus, version: number, recipientName: string, category: { code: string, recipientKind: Types.RecipientKind }, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null }
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

export const HonorForEditDocument = new TypedDocumentString(`
    query HonorForEdit($id: ID!) {
  node(id: $id) {
    ... on Honor {
      id
      year
      date
      edition
      status
      version
      recipientName
      category {
        code
        recipientKind
      }
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
    `) as unknown as TypedDocumentString<HonorForEditQuery, HonorForEditQueryVariables>;