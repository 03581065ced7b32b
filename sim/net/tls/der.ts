/**
 * A minimal DER reader for the few small structures the certificate library leaves as raw bytes:
 * an EC key's curve (an OBJECT IDENTIFIER) and an RSA public key (SEQUENCE of two INTEGERs).
 */
export interface Tlv {
  tag: number;
  value: Uint8Array;
  /** The bytes after this element. */
  rest: Uint8Array;
}

/** Reads one element; undefined when the bytes are not DER. */
export function readTlv(bytes: Uint8Array): Tlv | undefined {
  if (bytes.length < 2) return undefined;
  const tag = bytes[0];
  let length = bytes[1];
  let offset = 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || bytes.length < 2 + n) return undefined;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[2 + i];
    offset += n;
  }
  if (bytes.length < offset + length) return undefined;
  return { tag, value: bytes.subarray(offset, offset + length), rest: bytes.subarray(offset + length) };
}

/** An OBJECT IDENTIFIER's dotted form. */
export function readOid(bytes: Uint8Array): string | undefined {
  const t = readTlv(bytes);
  return t && t.tag === 0x06 && t.value.length ? oidText(t.value) : undefined;
}

/** The dotted form of an OBJECT IDENTIFIER's content octets. */
export function oidText(value: Uint8Array): string {
  const parts = [Math.floor(value[0] / 40), value[0] % 40];
  let n = 0;
  for (const b of value.subarray(1)) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

/** The elements of a SEQUENCE (`content`: `bytes` are already its content); throws when not DER. */
export function readSequence(bytes: Uint8Array, content = false): Tlv[] {
  let rest = content ? bytes : readTlv(bytes)?.value;
  if (!rest) throw new Error('not DER');
  const out: Tlv[] = [];
  while (rest.length) {
    const t = readTlv(rest);
    if (!t) throw new Error('not DER');
    out.push(t);
    rest = t.rest;
  }
  return out;
}

/** The INTEGERs of a SEQUENCE, as big-endian bytes without leading zeros. */
export function readIntegerSequence(bytes: Uint8Array): Uint8Array[] | undefined {
  const seq = readTlv(bytes);
  if (!seq || seq.tag !== 0x30) return undefined;
  const out: Uint8Array[] = [];
  let rest = seq.value;
  while (rest.length) {
    const t = readTlv(rest);
    if (!t || t.tag !== 0x02) return undefined;
    let v = t.value;
    while (v.length > 1 && v[0] === 0) v = v.subarray(1);
    out.push(v);
    rest = t.rest;
  }
  return out;
}
