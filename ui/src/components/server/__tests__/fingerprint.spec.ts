import { describe, expect, it } from 'vitest'
import { fingerprintLines, fingerprintsIn, sameFingerprint } from '../fingerprint'

const hex = 'ab'.repeat(8) + 'cd'.repeat(8) + '01'.repeat(8) + 'ef'.repeat(8)
const colons = (h: string) => h.toUpperCase().match(/../g)!.join(':')

describe('fingerprints', () => {
  it('groups a SHA-256 into 4 lines of 8 pairs, whatever form it came in', () => {
    const lines = fingerprintLines(hex)
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe('AB:AB:AB:AB:AB:AB:AB:AB')
    expect(lines[3]).toBe('EF:EF:EF:EF:EF:EF:EF:EF')
    expect(fingerprintLines(colons(hex))).toEqual(lines)
  })

  it('compares forms, and an absent one is never the same', () => {
    expect(sameFingerprint(hex, colons(hex))).toBe(true)
    expect(sameFingerprint(hex, colons('00' + hex.slice(2)))).toBe(false)
    expect(sameFingerprint(null, hex)).toBe(false)
  })

  it('finds both fingerprints in the certificate_changed message', () => {
    const other = '12'.repeat(32)
    const msg = `服务器证书已变化：已确认 ${colons(hex)}，服务器出示 ${colons(other)}`
    expect(fingerprintsIn(msg)).toEqual([colons(hex), colons(other)])
    expect(fingerprintsIn(`expected ${hex} got ${other}`)).toEqual([hex, other])
  })
})
