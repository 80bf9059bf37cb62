/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 单位的可写字段。What an editor sets on a unit. */
export type UnitInput = {
  /** 类型：机关、事业单位、国有企业、高校、中小学、医院。Kind. */
  kind: string;
  /** 名称（去除首尾空格后不能为空，且不能与其他单位重名）。Name, unique. */
  name: string;
  /** 所属系统。Sector. */
  sector?: string | null | undefined;
  /** 是否窗口单位。Whether it is a service window. */
  serviceWindow?: boolean | null | undefined;
};

export type CreateUnitMutationVariables = Exact<{
  input: Types.UnitInput;
}>;


export type CreateUnitMutation = { createUnit: { id: string, name: string, version: number } };

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

export const CreateUnitDocument = new TypedDocumentString(`
    mutation CreateUnit($input: UnitInput!) {
  createUnit(input: $input) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<CreateUnitMutation, CreateUnitMutationVariables>;