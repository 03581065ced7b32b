import { p256, p384 } from '@noble/curves/nist.js';
import { oidText, readSequence, readTlv } from './der';
import { pemBlocks } from './pem';
import { oidEcPublicKey, oidRsaEncryption, type X509 } from './x509';

/**
 * Does a PEM private key belong to a certificate? Go's tls.X509KeyPair asks this before kubectl
 * creates a TLS Secret: it reads PKCS#8 (`PRIVATE KEY`), SEC 1 (`EC PRIVATE KEY`) and PKCS#1
 * (`RSA PRIVATE KEY`) keys, and compares the public half with the certificate's key: for EC the
 * point computed from the private scalar, for RSA the modulus.
 * `undefined` when the key cannot be read (`tls: failed to parse private key`).
 */
export function keyMatchesCertificate(keyPem: string, cert: X509): boolean | undefined {
  const block = pemBlocks(keyPem).find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block) return undefined;
  try {
    if (block.label === 'EC PRIVATE KEY') return ecMatches(block.der, cert, undefined);
    if (block.label === 'RSA PRIVATE KEY') return rsaMatches(block.der, cert);
    // PKCS#8: version, AlgorithmIdentifier { algorithm, parameters }, privateKey OCTET STRING.
    const [, algorithm, privateKey] = readSequence(block.der);
    const [oid, params] = readSequence(algorithm.value, true);
    const algorithmOid = oidText(oid.value);
    if (algorithmOid === oidEcPublicKey) return ecMatches(privateKey.value, cert, oidText(params.value));
    if (algorithmOid === oidRsaEncryption) return rsaMatches(privateKey.value, cert);
    return undefined;
  } catch {
    return undefined;
  }
}

/** ECPrivateKey (RFC 5915): version, privateKey OCTET STRING, [0] curve, [1] public key. */
function ecMatches(der: Uint8Array, cert: X509, curveOid: string | undefined): boolean {
  const fields = readSequence(der);
  const scalar = fields[1].value;
  const curve = curveOid ?? oidText(readTlv(fields.find((f) => f.tag === 0xa0)!.value)!.value);
  if (cert.publicKey.algorithm !== oidEcPublicKey || cert.publicKey.curve !== curve) return false;
  const ecdsa = curve === '1.2.840.10045.3.1.7' ? p256 : curve === '1.3.132.0.34' ? p384 : undefined;
  if (!ecdsa) return false;
  return equal(ecdsa.getPublicKey(scalar, false), cert.publicKey.bytes);
}

/** RSAPrivateKey (RFC 8017): version, modulus, …; the certificate's RSAPublicKey starts with the modulus. */
function rsaMatches(der: Uint8Array, cert: X509): boolean {
  if (cert.publicKey.algorithm !== oidRsaEncryption) return false;
  const modulus = trim(readSequence(der)[1].value);
  const certModulus = trim(readSequence(cert.publicKey.bytes)[0].value);
  return equal(modulus, certModulus);
}

function trim(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
