// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import { groupByPart, readChapters } from './src/course/chapters.ts';

// The sidebar comes from the chapters' own frontmatter (order, part): the course order is typed once.
const sidebar = groupByPart(readChapters(new URL('./content/', import.meta.url))).map((part) => ({
  label: part.label,
  items: part.chapters.map((c) => ({ slug: c.slug })),
}));

const base = (process.env.ASTRO_BASE ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  // Deploy under a sub-path by changing only this (or with ASTRO_BASE=/course/ at build time).
  base: process.env.ASTRO_BASE ?? '/',
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
    }),
    svelte(),
  ],
});
