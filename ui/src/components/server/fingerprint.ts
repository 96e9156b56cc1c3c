// Certificate fingerprints as people compare them: hex pairs in groups, read aloud or held
// beside the administrator's note. Plain functions, tested without a window.

/** The hex digits of a fingerprint, upper case (`AB:CD…`, `abcd…` and spaced forms agree). */
export function fingerprintHex(fp: string): string {
  return fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase()
}

/** Lines of `perLine` colon-joined pairs: a SHA-256 gives 4 lines of 8. */
export function fingerprintLines(fp: string, perLine = 8): string[] {
  const pairs = fingerprintHex(fp).match(/.{1,2}/g) ?? []
  const lines: string[] = []
  for (let i = 0; i < pairs.length; i += perLine) lines.push(pairs.slice(i, i + perLine).join(':'))
  return lines
}

export function sameFingerprint(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && fingerprintHex(a) === fingerprintHex(b)
}

/** The SHA-256 fingerprints named in a message (the `certificate_changed` error has both). */
export function fingerprintsIn(message: string): string[] {
  return message.match(/(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}|\b[0-9A-Fa-f]{64}\b/g) ?? []
}
