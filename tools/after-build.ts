/**
 * What `npm run build` does after `astro build`: the offline study folder (offline/), its zip on
 * the site, and the service worker that makes the site work offline after a first visit.
 * The base path is the one astro.config.mjs builds with (ASTRO_BASE, default `/`).
 */
import { statSync } from 'node:fs';
import { buildOffline } from './offline/build';
import { zipFolder } from './offline/zip';
import { offlineZipName } from '../src/offline/download';
import { writeServiceWorker } from './service-worker';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root).pathname;
const offline = new URL('offline/', root).pathname;
const base = (process.env.ASTRO_BASE ?? '/').replace(/\/?$/, '/');

const pages = await buildOffline(dist, offline, base);
const zip = zipFolder(offline, `${dist}${offlineZipName}`, 'k8s-networking-live');
console.log(`offline/: ${pages} pages; ${offlineZipName}: ${(statSync(zip).size / 1024 / 1024).toFixed(2)} MiB`);
const precached = await writeServiceWorker(dist);
console.log(`sw.js: precaches ${precached.count} files, ${(precached.size / 1024 / 1024).toFixed(2)} MiB`);
