import { p256, p384 } from '@noble/curves/nist.js';
import { sha256, sha384 } from '@noble/hashes/sha2.js';
import { readIntegerSequence } from './der';
import { oidEcPublicKey, oidRsaEncryption, type X509 } from './x509';

/**
 * What a TLS client checks about the certificate a server sends, with OpenSSL's verify result
 * codes and words (include/openssl/x509_vfy.h, crypto/x509/x509_txt.c): the chain to a trusted
 * certificate, each signature on it, and the validity dates; then (curl) the host name.
 */
export type VerifyResult = { ok: true } | { ok: false; code: number; reason: string };

const fail = (code: number, reason: string): VerifyResult => ({ ok: false, code, reason });

export function verifyChain(chain: X509[], trusted: X509[], nowMs: number): VerifyResult {
  const leaf = chain[0];
  if (!leaf) return fail(2, 'unable to get issuer certificate');
  const isTrusted = (c: X509) => trusted.some((t) => equal(t.der, c.der));
  const path: X509[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 8 && !isTrusted(current); depth++) {
    const candidates = [...trusted, ...chain.slice(1)].filter((c) => equal(c.subjectDer, current.issuerDer));
    const issuer = candidates.find((c) => signatureValid(current, c));
    if (!issuer) {
      if (candidates.length) return fail(7, 'certificate signature failure');
      if (equal(current.subjectDer, current.issuerDer)) return fail(depth === 0 ? 18 : 19, depth === 0 ? 'self-signed certificate' : 'self-signed certificate in certificate chain');
      return fail(20, 'unable to get local issuer certificate');
    }
    path.push(issuer);
    current = issuer;
  }
  for (const c of path) {
    if (nowMs < c.notBefore) return fail(9, 'certificate is not yet valid');
    if (nowMs > c.notAfter) return fail(10, 'certificate has expired');
  }
  return { ok: true };
}

/** The SAN name that matches `host` (one `*` label allowed, leftmost), if any (RFC 6125). */
export function matchHost(cert: X509, host: string): string | undefined {
  const h = host.toLowerCase();
  return cert.dnsNames.find((name) => {
    const n = name.toLowerCase();
    if (!n.startsWith('*.')) return n === h;
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot) === n.slice(1);
  });
}

/** Does `issuer`'s key verify `cert`'s signature? ECDSA P-256/P-384, and RSA PKCS#1 v1.5 with SHA-256. */
function signatureValid(cert: X509, issuer: X509): boolean {
  try {
    const key = issuer.publicKey;
    if (key.algorithm === oidEcPublicKey) {
      if (cert.signatureAlgorithm === 'ecdsa-with-SHA256' && key.curve === '1.2.840.10045.3.1.7') return p256.verify(cert.signature, cert.tbs, key.bytes, { format: 'der', lowS: false });
      if (cert.signatureAlgorithm === 'ecdsa-with-SHA384' && key.curve === '1.3.132.0.34') return p384.verify(cert.signature, cert.tbs, key.bytes, { format: 'der', lowS: false });
      return false;
    }
    if (key.algorithm === oidRsaEncryption && cert.signatureAlgorithm === 'sha256WithRSAEncryption') return rsaPkcs1Verify(cert.signature, sha256(cert.tbs), key.bytes, sha256DigestInfo);
    if (key.algorithm === oidRsaEncryption && cert.signatureAlgorithm === 'sha384WithRSAEncryption') return rsaPkcs1Verify(cert.signature, sha384(cert.tbs), key.bytes, sha384DigestInfo);
    return false;
  } catch {
    return false;
  }
}

/** The DER DigestInfo prefixes of RSASSA-PKCS1-v1_5 (RFC 8017, section 9.2, note 1). */
const sha256DigestInfo = '3031300d060960864801650304020105000420';
const sha384DigestInfo = '3041300d060960864801650304020205000430';

/** RSASSA-PKCS1-v1_5 verification: s^e mod n must be 00 01 FF…FF 00 DigestInfo hash. */
function rsaPkcs1Verify(signature: Uint8Array, hash: Uint8Array, publicKey: Uint8Array, digestInfo: string): boolean {
  const [n, e] = readIntegerSequence(publicKey) ?? [];
  if (!n || !e) return false;
  const modulus = toBigInt(n);
  let result = 1n;
  let base = toBigInt(signature) % modulus;
  for (let exp = toBigInt(e); exp > 0n; exp >>= 1n) {
    if (exp & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
  }
  const k = n.length;
  const em = result.toString(16).padStart(k * 2, '0');
  const t = digestInfo + toHex(hash);
  const padding = k * 2 - t.length - 6;
  return padding >= 16 && em === `0001${'f'.repeat(padding)}00${t}`;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length ? BigInt(`0x${toHex(bytes)}`) : 0n;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
