import { generateSW } from 'workbox-build';

/**
 * Writes the site's service worker (dist/sw.js) with Workbox: it precaches every page, script,
 * style and Pagefind file of the build, so that after a first visit the whole course, its widgets
 * and its search work with no network, as an installed app too. Pages are served from the cache
 * whatever their query (`?share=…`, an embed page's `?theme=…`); a new build replaces the cache.
 * public/register-sw.js registers it. Returns the number of files precached and their size.
 */
export async function writeServiceWorker(dist: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}', 'pagefind/**/*'],
    globIgnores: ['sw.js', '**/*.zip'],
    swDest: `${dist}/sw.js`,
    // Pagefind's WebAssembly and the engine's chunk are the largest files, far below this.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    inlineWorkboxRuntime: true,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    sourcemap: false,
    mode: 'production',
  });
  if (warnings.length) throw new Error(`Workbox: ${warnings.join('\n')}`);
  return { count, size };
}
