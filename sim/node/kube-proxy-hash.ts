/**
 * The hash behind kube-proxy's chain names: the first 16 characters of base32(sha256(input)),
 * standard alphabet (Go's base32.StdEncoding), as pkg/proxy/iptables/proxier.go computes them.
 * 16 base32 characters are exactly the first 10 bytes of the digest, so only those are encoded.
 *
 * SHA-256 (FIPS 180-4) is written out here on 32-bit integers, with reused buffers, rather than taken
 * from @noble/hashes: a cold full sync hashes thousands of short names, and a general-purpose
 * hasher object per name (plus a general base-N encoder) costs several times more before the JIT
 * has warmed up. tests/sim/net/kube-proxy-hash.test.ts checks it against node:crypto's SHA-256.
 */

/** The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
/** The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const initial = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
/** The hash state while hashing, reused across calls. */
const H = new Int32Array(8);
/** The message schedule, reused across calls. */
const W = new Int32Array(64);
const utf8 = new TextEncoder();
/** A reusable buffer for the padded message; grown for long inputs. */
let message = new Uint8Array(256);
const alphabet = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', (ch) => ch.charCodeAt(0));

export function hash16(input: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; padding adds at most 72.
  if (message.length < input.length * 3 + 72) message = new Uint8Array(input.length * 3 + 72);
  const n = encode(input);
  const blocks = (n + 72) >> 6; // the message, 0x80, and the 8-byte length, rounded up to 64-byte blocks
  const end = blocks << 6;
  message.fill(0, n, end);
  message[n] = 0x80;
  // The length in bits, big-endian in the last 8 bytes (the top 3 bytes are 0 below 2^29 bytes).
  const bits = n * 8;
  message[end - 5] = Math.floor(bits / 0x100000000);
  for (let i = 1; i <= 4; i++) message[end - i] = bits >>> (8 * (i - 1));

  H.set(initial);
  for (let offset = 0; offset < end; offset += 64) compress(offset);
  // The digest's first 80 bits, 5 at a time from the top of h0, h1 and h2, as base32 character codes,
  // made into one flat string: appended a character at a time, each of the thousands of cached names
  // held a tree of partial strings.
  for (let i = 0; i < 16; i++) {
    const bit = 5 * i, word = bit >> 5, shift = bit & 31;
    // The 5 bits may straddle two words: the next word's top bits fill in below.
    const top = (H[word] << shift) | (shift > 27 ? H[word + 1] >>> (32 - shift) : 0);
    hashChars[i] = alphabet[top >>> 27];
  }
  const c = hashChars;
  return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]);
}

/**
 * One 64-byte block of the message into the state H. A function of its own: small, it is the part
 * that runs hot, so the JIT optimizes it early in a cold sync and quickly.
 */
function compress(offset: number): void {
  const m = message;
  for (let i = 0, o = offset; i < 16; i++, o += 4) W[i] = (m[o] << 24) | (m[o + 1] << 16) | (m[o + 2] << 8) | m[o + 3];
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15], w2 = W[i - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] += a;
  H[1] += b;
  H[2] += c;
  H[3] += d;
  H[4] += e;
  H[5] += f;
  H[6] += g;
  H[7] += h;
}

/**
 * Writes `input` as UTF-8 into `message`, returning the byte count. Chain names are ASCII: their
 * code units are their bytes, copied directly (TextEncoder.encodeInto checks its receiver and
 * arguments on every call, a cost that showed in a cold sync); anything else goes to the encoder.
 */
function encode(input: string): number {
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code > 0x7f) return utf8.encodeInto(input, message).written;
    message[i] = code;
  }
  return input.length;
}

const hashChars = new Uint8Array(16);
