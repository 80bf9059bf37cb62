/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 优秀案例的可写字段。What an editor sets on a case. */
export type ExcellentCaseInput = {
  /** 所属汇编。Compilation. */
  compilationId: string;
  /** 简介。Summary. */
  summary?: string | null | undefined;
  /** 标题。Title. */
  title: string;
  /** 单位（可选）。Unit, if any. */
  unitId?: string | null | undefined;
  /** 年份（可选）。Year, if any. */
  year?: number | null | undefined;
};

export type UpdateExcellentCaseMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  input: Types.ExcellentCaseInput;
}>;


export type UpdateExcellentCaseMutation = { updateExcellentCase: { id: string, title: string, version: number, demo: boolean } };

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

export const UpdateExcellentCaseDocument = new TypedDocumentString(`
    mutation UpdateExcellentCase($id: ID!, $expectedVersion: Int!, $input: ExcellentCaseInput!) {
  updateExcellentCase(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    title
    version
    demo
  }
}
    `) as unknown as TypedDocumentString<UpdateExcellentCaseMutation, UpdateExcellentCaseMutationVariables>;