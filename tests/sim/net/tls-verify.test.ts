import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCertificates } from '../../../sim/net/tls/x509';
import { matchHost, verifyChain } from '../../../sim/net/tls/verify';
import { clusterCACertificate } from '../../../sim/api/cluster-ca';

const pki = (name: string) => readFileSync(new URL(`../../fixtures/pki/${name}`, import.meta.url), 'utf8');
const [leaf] = parseCertificates(pki('tls.crt'));
const [ca] = parseCertificates(pki('ca.crt'));
const [clusterCA] = parseCertificates(clusterCACertificate);
const jan2026 = Date.UTC(2026, 0, 1);

describe('X.509 as curl sees it', () => {
  it('reads names, dates, SANs and algorithms', () => {
    expect(leaf).toMatchObject({ subject: 'CN=foo.example.com', issuer: 'CN=Example Ingress CA', dnsNames: ['foo.example.com', 'bar.example.com'], keyType: 'EC/prime256v1', keyBits: 256, signatureAlgorithm: 'ecdsa-with-SHA256' });
    expect(new Date(leaf.notAfter).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(clusterCA).toMatchObject({ subject: 'CN=kubernetes', keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' });
  });

  it('verifies the chain to a trusted CA, with OpenSSL result codes otherwise', () => {
    expect(verifyChain([leaf], [ca], jan2026)).toEqual({ ok: true });
    expect(verifyChain([leaf], [], jan2026)).toEqual({ ok: false, code: 20, reason: 'unable to get local issuer certificate' });
    expect(verifyChain([ca], [], jan2026)).toEqual({ ok: false, code: 18, reason: 'self-signed certificate' });
    expect(verifyChain([leaf], [ca], Date.UTC(2027, 0, 1))).toEqual({ ok: false, code: 10, reason: 'certificate has expired' });
    // An RSA self-signed CA verifies its own signature (PKCS#1 v1.5 with SHA-256).
    expect(verifyChain([clusterCA], [clusterCA], jan2026)).toEqual({ ok: true });
  });

  it('a CA with the right name but another key does not verify the signature', () => {
    const forged = { ...ca, der: new Uint8Array([1]), publicKey: clusterCA.publicKey };
    expect(verifyChain([leaf], [forged], jan2026)).toEqual({ ok: false, code: 7, reason: 'certificate signature failure' });
  });

  it('matches host names against subjectAltName, one wildcard label at most', () => {
    expect(matchHost(leaf, 'bar.example.com')).toBe('bar.example.com');
    expect(matchHost(leaf, 'baz.example.com')).toBeUndefined();
    expect(matchHost({ ...leaf, dnsNames: ['*.example.com'] }, 'a.example.com')).toBe('*.example.com');
    expect(matchHost({ ...leaf, dnsNames: ['*.example.com'] }, 'a.b.example.com')).toBeUndefined();
  });
});

describe('a private key and its certificate (tls.X509KeyPair)', () => {
  it('matches the key its certificate was made for, in PKCS#8, and no other', async () => {
    const { keyMatchesCertificate } = await import('../../../sim/net/tls/private-key');
    expect(keyMatchesCertificate(pki('tls.key'), leaf)).toBe(true);
    expect(keyMatchesCertificate(pki('tls.key'), ca)).toBe(false);
    expect(keyMatchesCertificate(pki('tls.key'), clusterCA)).toBe(false);
    // The same EC key in SEC 1 form, and an RSA key in PKCS#1 form with its self-signed certificate.
    expect(keyMatchesCertificate(pki('tls-sec1.key'), leaf)).toBe(true);
    const [rsa] = parseCertificates(pki('rsa.crt'));
    expect(keyMatchesCertificate(pki('rsa.key'), rsa)).toBe(true);
    expect(keyMatchesCertificate(pki('rsa.key'), clusterCA)).toBe(false);
    expect(keyMatchesCertificate('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', leaf)).toBeUndefined();
  });
});
