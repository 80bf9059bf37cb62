// The big screen's pure parts: fitting the 1920×1080 stage into a display, and reading ?rotate / ?refresh.
import { describe, expect, it } from 'vitest'
import { fitStage, secondsFrom } from '../src/composables/useBigScreen'

describe('fitStage', () => {
  it('scales a 4K display up, unshifted', () => {
    expect(fitStage(3840, 2160)).toEqual({ scale: 2, x: 0, y: 0 })
  })
  it('letterboxes a display of another shape, centred', () => {
    const f = fitStage(1920, 1200)
    expect(f.scale).toBe(1)
    expect(f.x).toBe(0)
    expect(f.y).toBe(60)
    const g = fitStage(1280, 1080)
    expect(g.scale).toBeCloseTo(1280 / 1920)
    expect(g.y).toBeCloseTo((1080 - 1080 * (1280 / 1920)) / 2)
  })
})

describe('secondsFrom', () => {
  it('takes a number at or above the minimum', () => {
    expect(secondsFrom('45', 30, 5)).toBe(45)
    expect(secondsFrom('5', 30, 5)).toBe(5)
  })
  it('falls back for missing, empty, too small or non-numeric values', () => {
    expect(secondsFrom(undefined, 30, 5)).toBe(30)
    expect(secondsFrom('', 30, 5)).toBe(30)
    expect(secondsFrom('2', 30, 5)).toBe(30)
    expect(secondsFrom('abc', 60, 10)).toBe(60)
  })
})
