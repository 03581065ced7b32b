/** The offline study folder's zip, at the site's root (tools/after-build.ts writes it; the landing page links it). */
export const offlineZipName = 'k8s-networking-live-offline.zip';
