// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import { groupByPart, readChapters } from './src/course/chapters.ts';
import { prebundledDeps } from './src/course/prebundled-deps.ts';

// The sidebar comes from the chapters' own frontmatter (order, part): the course order is typed once.
const sidebar = groupByPart(readChapters(new URL('./content/', import.meta.url))).map((part) => ({
  label: part.label,
  items: part.chapters.map((c) => ({ slug: c.slug })),
}));

const base = (process.env.ASTRO_BASE ?? '/').replace(/\/?$/, '/');

/**
 * Rolldown's MODULE_LEVEL_DIRECTIVE warning for the `"use astro:head-inject"` marker Astro's MDX
 * integration writes into every page's `?astroPropagatedAssets` module: Astro reads the marker
 * before bundling, so losing it in the bundle is harmless (withastro/astro#18087, open). Only that
 * one warning is dropped; every other warning still prints.
 * @param {{ code?: string, message: string }} warning
 * @param {(warning: { code?: string, message: string }) => void} warn
 */
function dropHeadInjectDirectiveWarning(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
  warn(warning);
}

/**
 * No <link rel="modulepreload"> added at run time for a dynamic import's chunks (Vite's preload
 * helper): Chromium takes each link added to <head> as a possible style sheet, and restyles and
 * lays out the whole page, about 100 ms on this machine (400 ms on a phone 4× slower) each time a
 * widget hydrates or loads the engine. The chunks still load, as the imports ask for them. Astro
 * sets the top-level build's modulePreload itself, so this is set on the client environment.
 * @returns {import('vite').Plugin}
 */
function noRuntimeModulePreload() {
  return {
    name: 'course:no-runtime-modulepreload',
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
  };
}

/**
 * `client:engaged` (components/live/client-engaged.ts): the islands that start the engine hydrate
 * once in view and the reader has engaged with the page, not during the page's load.
 * @returns {import('astro').AstroIntegration}
 */
function clientEngaged() {
  return {
    name: 'course:client-engaged',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => addClientDirective({ name: 'engaged', entrypoint: './components/live/client-engaged.ts' }),
    },
  };
}

export default defineConfig({
  // Deploy under a sub-path by changing only this (or with ASTRO_BASE=/course/ at build time).
  base: process.env.ASTRO_BASE ?? '/',
  // The address the course is published at, for canonical links and the sitemap. Set ASTRO_SITE
  // when deploying; the default is a placeholder in the reserved .example domain.
  site: process.env.ASTRO_SITE ?? 'https://k8s-networking-live.example',
  integrations: [
    starlight({
      title: 'Kubernetes networking, live',
      description: 'A course on Kubernetes networking that runs a simulated cluster in your browser.',
      sidebar,
      // The web-app manifest and the service worker's registration (tools/service-worker.ts writes sw.js).
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${base}manifest.webmanifest` } },
        // The course's root, for scripts that build links to it (components/share/site-root.ts).
        { tag: 'link', attrs: { rel: 'home', href: base } },
        { tag: 'script', attrs: { src: `${base}register-sw.js`, defer: true, 'data-offline-remove': true } },
      ],
      customCss: ['./src/styles/course.css'],
      components: { Sidebar: './src/components/Sidebar.astro' },
      // src/pages/404.astro is the course's own.
      disable404Route: true,
    }),
    svelte(),
    clientEngaged(),
  ],
  vite: {
    build: {
      rolldownOptions: { onwarn: dropHeadInjectDirectiveWarning },
      // The engine (sim/, about 530 kB minified, 165 kB gzip) is one chunk on purpose: a widget
      // imports it lazily when it first scrolls into view, and nothing on a page waits for it
      // before then. Splitting it would only add round trips. The limit sits just above it, so a
      // chunk that grows past it is still reported.
      chunkSizeWarningLimit: 640,
    },
    plugins: [noRuntimeModulePreload()],
    // Pre-bundled when the dev server starts, so that no first visit reloads the page (see the list).
    optimizeDeps: { include: prebundledDeps },
  },
});
