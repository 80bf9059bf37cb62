/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ExcellentCaseForEditQueryVariables = Exact<{
  id: string;
}>;


export type ExcellentCaseForEditQuery = { node:
    | { id: string, title: string, year: number | null, summary: string, demo: boolean, version: number, compilation: { id: string, title: string }, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null }
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

export const ExcellentCaseForEditDocument = new TypedDocumentString(`
    query ExcellentCaseForEdit($id: ID!) {
  node(id: $id) {
    ... on ExcellentCase {
      id
      title
      year
      summary
      demo
      version
      compilation {
        id
        title
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
    `) as unknown as TypedDocumentString<ExcellentCaseForEditQuery, ExcellentCaseForEditQueryVariables>;