/**
 * Names and hardware addresses of a node's interfaces, derived from what they belong to, so they
 * are stable across runs: the bridge plugin names a Pod's host-side veth `veth` + 8 hex digits
 * (containernetworking/plugins pkg/ip/link_linux.go RandomVethName); here the digits come from a
 * hash of the Pod's sandbox id instead of the random source, so a trace names the same veth as
 * `ip addr`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ipToInt } from './ip';

const utf8 = new TextEncoder();

/** The host end of a Pod's veth pair. */
export function vethName(sandboxUid: string): string {
  return `veth${bytesToHex(sha256(utf8.encode(sandboxUid))).slice(0, 8)}`;
}

/** A locally administered MAC address built from an IPv4 address: `02:42:0a:00:01:0b`. */
export function macFor(ip: string, prefix = 0x02): string {
  const n = ipToInt(ip);
  const bytes = [prefix, 0x42, n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
