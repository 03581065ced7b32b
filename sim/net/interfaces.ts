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

/** Names already worked out: every packet's trace names its Pods' veths, and a hash each time was a cost per hop. */
const vethNames = new Map<string, string>();

/** The host end of a Pod's veth pair. */
export function vethName(sandboxUid: string): string {
  let name = vethNames.get(sandboxUid);
  if (name === undefined) {
    if (vethNames.size >= 10_000) vethNames.clear();
    name = `veth${bytesToHex(sha256(utf8.encode(sandboxUid))).slice(0, 8)}`;
    vethNames.set(sandboxUid, name);
  }
  return name;
}

/** A locally administered MAC address built from an IPv4 address: `02:42:0a:00:01:0b`. */
export function macFor(ip: string, prefix = 0x02): string {
  const n = ipToInt(ip);
  const bytes = [prefix, 0x42, n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
