import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Name, SubjectAlternativeName, id_ce_subjectAltName } from '@peculiar/asn1-x509';
import { pemBlocks } from './pem';
import { readIntegerSequence, readOid } from './der';

/**
 * X.509 certificates as a TLS client looks at them: names, validity, subjectAltName, key and
 * signature algorithms, and the bytes a signature covers. Parsed from PEM with @peculiar/asn1-x509.
 */
export interface X509 {
  /** OpenSSL's one-line form with `; ` between attributes, as curl prints it: `CN=foo.example.com`. */
  subject: string;
  issuer: string;
  /** The raw DER of subject and issuer, compared byte for byte to chain a certificate to its issuer. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: number;
  notAfter: number;
  /** subjectAltName DNS names. */
  dnsNames: string[];
  /** `EC/prime256v1`, `RSA`: OpenSSL's key type name, with the curve for EC keys. */
  keyType: string;
  keyBits: number;
  /** The signature algorithm's short name: `ecdsa-with-SHA256`, `sha256WithRSAEncryption`. */
  signatureAlgorithm: string;
  /** What the signature covers (tbsCertificate), the signature, and the subject's public key. */
  tbs: Uint8Array;
  signature: Uint8Array;
  publicKey: { algorithm: string; curve?: string; bytes: Uint8Array };
  der: Uint8Array;
}

/** OpenSSL's short names of the attribute types certificates use. */
const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

/** Curves, key and signature algorithms by OID, with OpenSSL's names. */
const curves: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'prime256v1', bits: 256 },
  '1.3.132.0.34': { name: 'secp384r1', bits: 384 },
};
const signatureAlgorithms: Record<string, string> = {
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
};
export const oidEcPublicKey = '1.2.840.10045.2.1';
export const oidRsaEncryption = '1.2.840.113549.1.1.1';

/** The certificates of a PEM bundle (a CA file, a chain), in order; unparsable blocks are skipped. */
export function parseCertificates(pem: string): X509[] {
  const out: X509[] = [];
  for (const block of pemBlocks(pem)) {
    if (block.label !== 'CERTIFICATE') continue;
    const cert = parseCertificate(block.der);
    if (cert) out.push(cert);
  }
  return out;
}

export function parseCertificate(der: Uint8Array): X509 | undefined {
  try {
    const cert = AsnConvert.parse(der, Certificate);
    const tbs = cert.tbsCertificate;
    const spki = tbs.subjectPublicKeyInfo;
    const keyOid = spki.algorithm.algorithm;
    const keyBytes = new Uint8Array(spki.subjectPublicKey);
    let keyType = keyOid;
    let keyBits = 0;
    let curve: string | undefined;
    if (keyOid === oidEcPublicKey && spki.algorithm.parameters) {
      curve = readOid(new Uint8Array(spki.algorithm.parameters));
      const c = curve ? curves[curve] : undefined;
      keyType = `EC/${c?.name ?? curve}`;
      keyBits = c?.bits ?? 0;
    } else if (keyOid === oidRsaEncryption) {
      keyType = 'RSA';
      keyBits = rsaModulusBits(keyBytes);
    }
    const san = tbs.extensions?.find((e) => e.extnID === id_ce_subjectAltName);
    const dnsNames = san ? AsnConvert.parse(san.extnValue, SubjectAlternativeName).flatMap((g) => (g.dNSName ? [g.dNSName] : [])) : [];
    return {
      subject: nameToString(tbs.subject),
      issuer: nameToString(tbs.issuer),
      subjectDer: new Uint8Array(AsnConvert.serialize(tbs.subject)),
      issuerDer: new Uint8Array(AsnConvert.serialize(tbs.issuer)),
      notBefore: tbs.validity.notBefore.getTime().getTime(),
      notAfter: tbs.validity.notAfter.getTime().getTime(),
      dnsNames,
      keyType,
      keyBits,
      signatureAlgorithm: signatureAlgorithms[cert.signatureAlgorithm.algorithm] ?? cert.signatureAlgorithm.algorithm,
      tbs: new Uint8Array(AsnConvert.serialize(tbs)),
      signature: new Uint8Array(cert.signatureValue),
      publicKey: { algorithm: keyOid, curve, bytes: keyBytes },
      der,
    };
  } catch {
    return undefined;
  }
}

/** `CN=Example Ingress CA`, `C=US; O=Example; CN=foo` (XN_FLAG_ONELINE-like, as curl's x509_name_oneline). */
function nameToString(name: Name): string {
  return name
    .flatMap((rdn) => rdn.map((atv) => `${attributeNames[atv.type] ?? atv.type}=${atv.value.toString()}`))
    .join('; ');
}

/** The bit length of an RSAPublicKey's modulus (its first INTEGER). */
function rsaModulusBits(bytes: Uint8Array): number {
  const n = readIntegerSequence(bytes)?.[0];
  return n?.length ? (n.length - 1) * 8 + (32 - Math.clz32(n[0])) : 0;
}
