// Which files the browser shrinks before upload, and to what size: only large pictures, their longer side at most
// 1600 pixels, never enlarged; everything else goes as it is.
import { describe, expect, it } from 'vitest'
import { MaxSide, needsShrink, shrinkImage, shrunkSize } from '../src/lib/shrinkImage'

describe('shrinkImage', () => {
  it('shrinks only pictures over a megabyte', () => {
    expect(needsShrink({ type: 'image/jpeg', size: 6 << 20 })).toBe(true)
    expect(needsShrink({ type: 'image/png', size: (1 << 20) + 1 })).toBe(true)
    expect(needsShrink({ type: 'image/jpeg', size: 300_000 })).toBe(false)
    expect(needsShrink({ type: 'application/pdf', size: 9 << 20 })).toBe(false)
  })
  it('keeps the proportions, the longer side at most MaxSide, never enlarging', () => {
    expect(shrunkSize(4032, 3024)).toEqual({ w: MaxSide, h: 1200 })
    expect(shrunkSize(3024, 4032)).toEqual({ w: 1200, h: MaxSide })
    expect(shrunkSize(800, 600)).toEqual({ w: 800, h: 600 })
  })
  it('sends the file as it is where the browser cannot decode it', async () => {
    const f = new File([new Uint8Array(2 << 20)], '现场.jpg', { type: 'image/jpeg' })
    expect(await shrinkImage(f)).toBe(f)
  })
})
