import type { Program } from '../programs';
import { bindNslookup } from './nslookup-bind';
import { busyboxNslookup } from './nslookup-busybox';
import { dnsTools } from './dns-tools';

/** `nslookup`: BusyBox's applet in a BusyBox image, BIND's elsewhere (see dnsTools). */
export const nslookup: Program = (ctx, args) => (dnsTools(ctx) === 'busybox' ? busyboxNslookup : bindNslookup)(ctx, args);
