import { describe, expect, it } from 'vitest'
import { localMessage, serverMessage } from '../src/lib/messages'

describe('server errors in the reader language', () => {
  const ours = { message: '单位名称不能为空', extensions: { code: 'BAD_USER_INPUT', messageEn: 'Unit name must not be empty' } }
  const gqlgens = {
    message: 'Cannot query field "datase" on type "Query".',
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', messageEn: 'Cannot query field "datase" on type "Query".', messageZh: '类型“Query”上没有字段“datase”。' },
  }
  it('shows messageEn in English and message in Chinese', () => {
    expect(localMessage(ours, 'en')).toBe('Unit name must not be empty')
    expect(localMessage(ours, 'zh')).toBe('单位名称不能为空')
  })
  it('shows messageZh of gqlgen errors in Chinese', () => {
    expect(localMessage(gqlgens, 'zh')).toBe('类型“Query”上没有字段“datase”。')
    expect(localMessage(gqlgens, 'en')).toBe('Cannot query field "datase" on type "Query".')
  })
  it('falls back to message when the other language is missing', () => {
    expect(localMessage({ message: 'HTTP 500' }, 'en')).toBe('HTTP 500')
    expect(localMessage({ message: '旧消息', extensions: { messageEn: '' } }, 'en')).toBe('旧消息')
  })
  it('leaves a message already in the reader language whole', () => {
    expect(serverMessage(localMessage(ours, 'en'), 'en')).toBe('Unit name must not be empty')
  })
})
