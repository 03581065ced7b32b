import type { Program } from '../programs';
import { bindNslookup } from './nslookup-bind';
import { busyboxNslookup } from './nslookup-busybox';
import { busyboxLegacyNslookup } from './nslookup-busybox-legacy';
import { dnsTools } from './dns-tools';
import { parseImageRef } from '../images';

/**
 * `nslookup`: BusyBox's applet in a BusyBox image (its pre-1.29 form for a `1.2x` tag, such as
 * busybox:1.28), BIND's elsewhere (see dnsTools).
 */
export const nslookup: Program = (ctx, args) => {
  if (dnsTools(ctx) !== 'busybox') return bindNslookup(ctx, args);
  const image = ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image ?? '';
  const minor = /^1\.(\d+)(\.|$)/.exec(parseImageRef(image).tag)?.[1];
  return (minor !== undefined && Number(minor) < 29 ? busyboxLegacyNslookup : busyboxNslookup)(ctx, args);
};
