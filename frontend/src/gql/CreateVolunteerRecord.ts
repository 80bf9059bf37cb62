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

/** 志愿服务记录的可写字段。What an editor sets on a volunteer record. */
export type VolunteerRecordInput = {
  /** 专项行动（为空表示常态化服务）。Campaign, or null for routine service. */
  campaignId?: string | null | undefined;
  /** 服务日期。Service date. */
  date: string;
  /** 服务时长（小时，≥ 0，须为整分钟，如 1.5）。Hours; must be a whole number of minutes. */
  hours: number;
  /** 记录方式。Recording method. */
  method: RecordingMethod;
  /** 组织单位。Organising unit. */
  unitId: string;
  /** 是否已核实。Whether the hours were verified. */
  verified?: boolean | null | undefined;
  /** 志愿者人数（≥ 0）。Volunteers. */
  volunteers: number;
};

export type CreateVolunteerRecordMutationVariables = Exact<{
  input: Types.VolunteerRecordInput;
}>;


export type CreateVolunteerRecordMutation = { createVolunteerRecord: { id: string, version: number, date: string, hours: number, unit: { id: string, name: string } } };

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

export const CreateVolunteerRecordDocument = new TypedDocumentString(`
    mutation CreateVolunteerRecord($input: VolunteerRecordInput!) {
  createVolunteerRecord(input: $input) {
    id
    version
    date
    hours
    unit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateVolunteerRecordMutation, CreateVolunteerRecordMutationVariables>;