import { sha256 } from '@noble/hashes/sha2.js';
import type { Pod } from '../api/types';

/**
 * The token the kubelet writes into a projected serviceAccountToken volume: a JWT the API server's
 * TokenRequest issues, bound to the Pod, with the claims of pkg/serviceaccount/claims.go
 * (aud, exp, iat, iss, kubernetes.io: namespace, node, pod, serviceaccount; nbf, sub).
 * The simulator has no signing key: the key ID and the signature are its own (a SHA-256 of the
 * claims), so the token has a real token's shape and claims but no API server would accept it.
 */
export function serviceAccountToken(pod: Pod, issuedAtSeconds: number, expirationSeconds: number): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = pod.spec.serviceAccountName ?? 'default';
  const header = { alg: 'RS256', kid: base64url(sha256(new TextEncoder().encode('simulator-signing-key'))).slice(0, 43) };
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
  const signed = `${base64url(new TextEncoder().encode(JSON.stringify(header)))}.${base64url(new TextEncoder().encode(JSON.stringify(claims)))}`;
  return `${signed}.${base64url(sha256(new TextEncoder().encode(signed)))}`;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
