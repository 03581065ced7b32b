import { sha256 } from '@noble/hashes/sha2.js';
import { base32 } from '@scure/base';

const utf8 = new TextEncoder();

/**
 * The hash behind kube-proxy's chain names: the first 16 characters of base32(sha256(input)),
 * standard alphabet (Go's base32.StdEncoding), as pkg/proxy/iptables/proxier.go computes them.
 * 16 base32 characters are exactly the first 10 bytes of the digest, so only those are encoded.
 */
export function hash16(input: string): string {
  return base32.encode(sha256(utf8.encode(input)).subarray(0, 10));
}
