/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 人才库成员承担的工作（原文：网络评审、实地考察、先进评选等）。Work a talent-pool member serves in. */
export type TalentRole =
  /** 先进评选。Selection of exemplars. */
  | 'ADVANCED_SELECTION'
  /** 网络评审。Online review. */
  | 'ONLINE_REVIEW'
  /** 实地考察。Site visits. */
  | 'SITE_VISIT';

export type TalentMemberForEditQueryVariables = Exact<{
  id: string;
}>;


export type TalentMemberForEditQuery = { node:
    | { id: string, name: string, sinceYear: number, roles: Array<Types.TalentRole>, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null }
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

export const TalentMemberForEditDocument = new TypedDocumentString(`
    query TalentMemberForEdit($id: ID!) {
  node(id: $id) {
    ... on TalentMember {
      id
      name
      sinceYear
      roles
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
    `) as unknown as TypedDocumentString<TalentMemberForEditQuery, TalentMemberForEditQueryVariables>;