import type { Pod } from '../api/types';

/**
 * The token the kubelet writes into a projected serviceAccountToken volume: a JWT the API server's
 * TokenRequest issues, bound to the Pod, with the claims of pkg/serviceaccount/claims.go
 * (aud, exp, iat, iss, kubernetes.io: namespace, node, pod, serviceaccount; nbf, sub).
 * The simulator has no signing key: the key ID and the 256-byte signature are its own (bytes drawn
 * from a hash of the claims), so the token has a real token's shape and claims, and only the
 * simulated API server accepts it (tokenClaims). Cheap on purpose: the kubelet writes one for
 * every container it starts.
 */
const keyId = 'c2ltdWxhdG9yLXNpZ25pbmcta2V5LW5vdC1hLXJlYWwtb25l';
const utf8 = new TextEncoder();

export function serviceAccountToken(pod: Pod, issuedAtSeconds: number, expirationSeconds: number): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = pod.spec.serviceAccountName ?? 'default';
  const claims = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: issuedAtSeconds + expirationSeconds,
    iat: issuedAtSeconds,
    iss: 'https://kubernetes.default.svc.cluster.local',
    jti: pod.metadata.uid,
    'kubernetes.io': {
      namespace,
      node: { name: pod.spec.nodeName },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: account },
    },
    nbf: issuedAtSeconds,
    sub: `system:serviceaccount:${namespace}:${account}`,
  };
  const signed = `${encodedHeader}.${base64url(utf8.encode(JSON.stringify(claims)))}`;
  return `${signed}.${base64url(signatureBytes(signed))}`;
}

/** What a service account token says, as the API server's authenticator reads it. */
export interface TokenClaims {
  exp: number;
  sub: string;
  'kubernetes.io': { namespace: string; pod: { name: string; uid: string }; serviceaccount: { name: string } };
}

/** The claims of a token this simulator signed; undefined for anything else (not a JWT, altered, another key). */
export function tokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const signed = `${parts[0]}.${parts[1]}`;
  if (parts[2] !== base64url(signatureBytes(signed))) return undefined;
  try {
    const header = JSON.parse(fromBase64url(parts[0]));
    return header.kid === keyId ? (JSON.parse(fromBase64url(parts[1])) as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

/** 256 bytes (an RSA-2048 signature's length) from an FNV-1a hash of `text`, stretched by xorshift. */
function signatureBytes(text: string): Uint8Array {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193);
  const bytes = new Uint8Array(256);
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const base64urlDigits = utf8.encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
const ascii = new TextDecoder();

/**
 * Base64url without padding (RFC 4648 §5), written straight into bytes: going through btoa needs a
 * binary string built a character at a time, which made this the kubelet's largest allocation.
 */
function base64url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = base64urlDigits[n >> 18];
    out[o++] = base64urlDigits[(n >> 12) & 63];
    if (i + 1 < bytes.length) out[o++] = base64urlDigits[(n >> 6) & 63];
    if (i + 2 < bytes.length) out[o++] = base64urlDigits[n & 63];
  }
  return ascii.decode(out);
}

/** Every token's header: the same for all, so encoded once. */
const encodedHeader = base64url(utf8.encode(JSON.stringify({ alg: 'RS256', kid: keyId })));

function fromBase64url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
