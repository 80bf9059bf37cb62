/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 角色：VIEWER 查看，EDITOR 编辑记录，ADMIN 管理用户、令牌、权重和目标。Role of a user. */
export type Role =
  /** 管理员：可管理用户、令牌、权重和目标。Also manages users, tokens, weights and targets. */
  | 'ADMIN'
  /** 编辑：可写入记录。Also writes records. */
  | 'EDITOR'
  /** 查看。Reads. */
  | 'VIEWER';

export type SetUserRoleMutationVariables = Exact<{
  id: string;
  role: Types.Role;
  disabled?: boolean | null | undefined;
}>;


export type SetUserRoleMutation = { setUserRole: { id: string, username: string, displayName: string, role: Types.Role, disabled: boolean, createdAt: string } };

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

export const SetUserRoleDocument = new TypedDocumentString(`
    mutation SetUserRole($id: ID!, $role: Role!, $disabled: Boolean) {
  setUserRole(id: $id, role: $role, disabled: $disabled) {
    id
    username
    displayName
    role
    disabled
    createdAt
  }
}
    `) as unknown as TypedDocumentString<SetUserRoleMutation, SetUserRoleMutationVariables>;