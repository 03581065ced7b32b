import type { Program } from '../programs';
import { bindNslookup } from './nslookup-bind';
import { busyboxNslookup } from './nslookup-busybox';
import { busyboxLegacyNslookup } from './nslookup-busybox-legacy';
import { dnsTools } from './dns-tools';
import { parseImageRef } from '../images';

/**
 * Images whose BusyBox predates 1.29 whatever their tag: radial/busyboxplus was built in 2014-15
 * (the "Connecting Applications with Services" tutorial shows its `Address 1:` answers).
 */
const legacyBusybox = new Set(['radial/busyboxplus']);

/**
 * `nslookup`: BusyBox's applet in a BusyBox image (its pre-1.29 form for a `1.2x` tag, such as
 * busybox:1.28, and for radial/busyboxplus), BIND's elsewhere (see dnsTools).
 */
export const nslookup: Program = (ctx, args) => {
  if (dnsTools(ctx) !== 'busybox') return bindNslookup(ctx, args);
  const image = parseImageRef(ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image ?? '');
  const minor = /^1\.(\d+)(\.|$)/.exec(image.tag)?.[1];
  const legacy = legacyBusybox.has(image.repository) || (minor !== undefined && Number(minor) < 29);
  return (legacy ? busyboxLegacyNslookup : busyboxNslookup)(ctx, args);
};
