/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type UnitForEditQueryVariables = Exact<{
  id: string;
}>;


export type UnitForEditQuery = { node:
    | { id: string, name: string, kind: string, sector: string, serviceWindow: boolean, campus: boolean, demo: boolean, version: number }
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

export const UnitForEditDocument = new TypedDocumentString(`
    query UnitForEdit($id: ID!) {
  node(id: $id) {
    ... on Unit {
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
    `) as unknown as TypedDocumentString<UnitForEditQuery, UnitForEditQueryVariables>;