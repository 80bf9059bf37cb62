/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type PracticeLinkForEditQueryVariables = Exact<{
  id: string;
}>;


export type PracticeLinkForEditQuery = { node:
    | { id: string, sinceYear: number, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean }, center: { id: string, name: string, county: string } }
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

export const PracticeLinkForEditDocument = new TypedDocumentString(`
    query PracticeLinkForEdit($id: ID!) {
  node(id: $id) {
    ... on PracticeLink {
      id
      sinceYear
      demo
      version
      unit {
        id
        name
        kind
        campus
        serviceWindow
      }
      center {
        id
        name
        county
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PracticeLinkForEditQuery, PracticeLinkForEditQueryVariables>;