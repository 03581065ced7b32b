// Registers the service worker that tools/service-worker.ts writes beside this file, so the
// course works offline after a first visit. Only over http(s): a page opened from disk has none.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const sw = new URL('sw.js', document.currentScript.src);
  addEventListener('load', () => navigator.serviceWorker.register(sw).catch((error) => console.warn('Offline use is unavailable:', error)));
}
