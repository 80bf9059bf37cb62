/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 导入类型：每种类型有自己的模板（GET /templates/{kind}.xlsx）。What an import file holds; each kind has its own template. */
export type ImportKind =
  /** 文明实践活动（自然键：单位 + 活动日期 + 活动类型 + 活动主题）。Practice activities, matched on unit, date, kind and theme. */
  | 'ACTIVITIES'
  /** 年度测评（自然键：单位 + 年份）。Assessments, matched on unit and year. */
  | 'ASSESSMENTS'
  /** 荣誉（自然键：荣誉类别 + 获得者名称 + 年份 + 届次）。Honours, matched on category, recipient, year and edition. */
  | 'HONORS'
  /** 先进人物（自然键：姓名 + 所属单位）。People, matched on name and unit. */
  | 'PEOPLE'
  /** 省直单位（自然键：单位名称）。Units, matched on name. */
  | 'UNITS'
  /** 志愿服务记录（自然键：单位 + 服务日期 + 专项行动 + 记录方式）。Volunteer records, matched on unit, date, campaign and method. */
  | 'VOLUNTEER_RECORDS';

export type ImportRecordsMutationVariables = Exact<{
  file: File | Blob | null;
  kind: Types.ImportKind;
  dryRun?: boolean | null | undefined;
}>;


export type ImportRecordsMutation = { importRecords: { kind: Types.ImportKind, rows: number, valid: number, created: number, updated: number, unchanged: number, errorCount: number, dryRun: boolean, written: boolean, errors: Array<{ row: number, column: string, field: string, message: string, messageEn: string }> } };

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

export const ImportRecordsDocument = new TypedDocumentString(`
    mutation ImportRecords($file: Upload!, $kind: ImportKind!, $dryRun: Boolean) {
  importRecords(file: $file, kind: $kind, dryRun: $dryRun) {
    kind
    rows
    valid
    created
    updated
    unchanged
    errorCount
    dryRun
    written
    errors {
      row
      column
      field
      message
      messageEn
    }
  }
}
    `) as unknown as TypedDocumentString<ImportRecordsMutation, ImportRecordsMutationVariables>;