/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 人物的可写字段。What an editor sets on a person. */
export type PersonInput = {
  /** 事迹简介。Citation. */
  citation?: string | null | undefined;
  /** 姓名。Name. */
  name: string;
  /** 所在单位全局 ID。Unit global ID. */
  unitId?: string | null | undefined;
};

export type CreatePersonMutationVariables = Exact<{
  input: Types.PersonInput;
}>;


export type CreatePersonMutation = { createPerson: { id: string, name: string, version: number, demo: boolean } };

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

export const CreatePersonDocument = new TypedDocumentString(`
    mutation CreatePerson($input: PersonInput!) {
  createPerson(input: $input) {
    id
    name
    version
    demo
  }
}
    `) as unknown as TypedDocumentString<CreatePersonMutation, CreatePersonMutationVariables>;