/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type PurgeDemoDataMutationVariables = Exact<{
  dryRun?: boolean | null | undefined;
}>;


export type PurgeDemoDataMutation = { purgeDemoData: { total: number, dryRun: boolean, purged: boolean, blockerCount: number, tables: Array<{ table: string, nameZh: string, count: number }>, blockers: Array<{ table: string, nameZh: string, id: number, column: string, refTable: string, refName: string, refId: number }> } };

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

export const PurgeDemoDataDocument = new TypedDocumentString(`
    mutation PurgeDemoData($dryRun: Boolean) {
  purgeDemoData(dryRun: $dryRun) {
    total
    dryRun
    purged
    blockerCount
    tables {
      table
      nameZh
      count
    }
    blockers {
      table
      nameZh
      id
      column
      refTable
      refName
      refId
    }
  }
}
    `) as unknown as TypedDocumentString<PurgeDemoDataMutation, PurgeDemoDataMutationVariables>;