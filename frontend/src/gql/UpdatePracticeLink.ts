/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 单位与实践中心联系的可写字段。What an editor sets on a practice link. */
export type PracticeLinkInput = {
  /** 实践中心。Practice centre. */
  centerId: string;
  /** 开始年份。Year the link began. */
  sinceYear: number;
  /** 单位。Unit. */
  unitId: string;
};

export type UpdatePracticeLinkMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  input: Types.PracticeLinkInput;
}>;


export type UpdatePracticeLinkMutation = { updatePracticeLink: { id: string, sinceYear: number, version: number, unit: { id: string, name: string }, center: { id: string, name: string } } };

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

export const UpdatePracticeLinkDocument = new TypedDocumentString(`
    mutation UpdatePracticeLink($id: ID!, $expectedVersion: Int!, $input: PracticeLinkInput!) {
  updatePracticeLink(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    sinceYear
    version
    unit {
      id
      name
    }
    center {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UpdatePracticeLinkMutation, UpdatePracticeLinkMutationVariables>;