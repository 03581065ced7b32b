import { invalid, type FieldError } from './field-error';

/**
 * IP and CIDR checks for API fields, IPv4 and IPv6, with the API server's messages.
 * Parsing follows k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy (Go's pre-1.17 parser: IPv4
 * octets may carry leading zeros). Messages: k8s.io/apimachinery/pkg/util/validation/ip.go
 * (IsValidIP, IsValidIPv4Address, IsValidCIDR) and pkg/apis/core/validation ValidateEndpointIP.
 */

/** An address as 4 (IPv4) or 16 (IPv6) bytes. */
export type IPBytes = number[];

export function parseIPSloppy(value: string): IPBytes | undefined {
  return value.includes(':') ? parseIPv6(value) : parseIPv4(value);
}

function parseIPv4(value: string): IPBytes | undefined {
  const parts = value.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIPv6(value: string): IPBytes | undefined {
  const halves = value.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (const [i, g] of items.entries()) {
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array(missing).fill(0), ...tail].flatMap((g) => [g >> 8, g & 255]);
}

/** A block: its network address (host bits cleared) and prefix length. */
export interface IPNet {
  network: IPBytes;
  prefix: number;
}

export function parseCIDRSloppy(value: string): IPNet | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIPSloppy(value.slice(0, slash));
  const bits = value.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bits) || Number(bits) > ip.length * 8) return undefined;
  const prefix = Number(bits);
  return { network: ip.map((b, i) => b & maskByte(prefix, i)), prefix };
}

function maskByte(prefix: number, i: number): number {
  const bits = Math.max(0, Math.min(8, prefix - i * 8));
  return (0xff << (8 - bits)) & 0xff;
}

/** Does `outer` contain the network address of `inner` (net.IPNet.Contains)? */
export function cidrContainsNetwork(outer: IPNet, inner: IPNet): boolean {
  return outer.network.length === inner.network.length && inner.network.every((b, i) => (b & maskByte(outer.prefix, i)) === outer.network[i]);
}

export function isValidIP(field: string, value: string): FieldError[] {
  return parseIPSloppy(value) ? [] : [invalid(field, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

export function isValidIPv4Address(field: string, value: string): FieldError[] {
  return parseIPSloppy(value)?.length === 4 ? [] : [invalid(field, value, 'must be a valid IPv4 address')];
}

export function isValidIPv6Address(field: string, value: string): FieldError[] {
  return parseIPSloppy(value)?.length === 16 ? [] : [invalid(field, value, 'must be a valid IPv6 address')];
}

export function isValidCIDR(field: string, value: string): FieldError[] {
  return parseCIDRSloppy(value) ? [] : [invalid(field, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/**
 * ValidateEndpointIP: an endpoint may not be unspecified, loopback or link-local (those make no
 * sense as a destination elsewhere in the cluster).
 */
export function validateEndpointIP(value: string, field: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(field, value, 'must be a valid IP address')];
  const v4 = ip.length === 4;
  const errs: FieldError[] = [];
  if (ip.every((b) => b === 0)) errs.push(invalid(field, value, `may not be unspecified (${value})`));
  if (v4 ? ip[0] === 127 : ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1) {
    errs.push(invalid(field, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  }
  if (v4 ? ip[0] === 169 && ip[1] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80) {
    errs.push(invalid(field, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if (v4 ? ip[0] === 224 && ip[1] === 0 && ip[2] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02) {
    errs.push(invalid(field, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}
