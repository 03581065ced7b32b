// Include once on a page that embeds widgets of "Kubernetes networking, live": it gives each of
// their iframes the height its page reports (src/embed/embed-page.ts), so no frame scrolls or
// leaves a gap. It listens only to frames from the site this script comes from.
(() => {
  if (window.k8sNetworkingLiveEmbeds) return;
  window.k8sNetworkingLiveEmbeds = true;
  const origin = new URL(document.currentScript.src).origin;
  addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== origin || !data || data.type !== 'k8s-networking-live:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 40 || height > 20000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });
  // Frames that loaded before this script ran are asked for their height.
  for (const frame of document.querySelectorAll('iframe')) {
    frame.contentWindow?.postMessage({ type: 'k8s-networking-live:ask-height' }, origin);
  }
})();
