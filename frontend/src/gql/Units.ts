/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 单位筛选。Filter over units. */
export type UnitFilter = {
  /** 类型。Kind. */
  kind?: string | null | undefined;
  /** 仅联系实践中心的单位。Only units linked to a practice centre. */
  linkedToPractice?: boolean | null | undefined;
  /** 名称包含。Name contains. */
  nameContains?: string | null | undefined;
  /** 仅窗口单位。Only service windows. */
  serviceWindow?: boolean | null | undefined;
};

export type UnitsQueryVariables = Exact<{
  filter?: Types.UnitFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UnitsQuery = { units: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: string, sector: string, serviceWindow: boolean, campus: boolean, demo: boolean, version: number } }> } };

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

export const UnitsDocument = new TypedDocumentString(`
    query Units($filter: UnitFilter, $first: Int, $after: String) {
  units(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
        sector
        serviceWindow
        campus
        demo
        version
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnitsQuery, UnitsQueryVariables>;