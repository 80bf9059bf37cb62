/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 时长记录方式（《志愿服务记录与证明出具办法》）。How service hours were captured. */
export type RecordingMethod =
  /** 补录。Back-filled later. */
  | 'BACKFILL'
  /** 本人申报。Self-reported. */
  | 'SELF_REPORT'
  /** 按班次。By shift. */
  | 'SHIFT'
  /** 签到签退。Sign-in and sign-out. */
  | 'SIGN_IN';

export type VolunteerRecordForEditQueryVariables = Exact<{
  id: string;
}>;


export type VolunteerRecordForEditQuery = { node:
    | { id: string, date: string, volunteers: number, hours: number, method: Types.RecordingMethod, verified: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean }, campaign: { id: string, code: string, nameZh: string, nameEn: string } | null }
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

export const VolunteerRecordForEditDocument = new TypedDocumentString(`
    query VolunteerRecordForEdit($id: ID!) {
  node(id: $id) {
    ... on VolunteerRecord {
      id
      date
      volunteers
      hours
      method
      verified
      version
      unit {
        id
        name
        kind
        campus
        serviceWindow
      }
      campaign {
        id
        code
        nameZh
        nameEn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VolunteerRecordForEditQuery, VolunteerRecordForEditQueryVariables>;