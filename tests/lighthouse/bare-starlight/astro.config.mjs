// @ts-check
// A bare Starlight site: one page, Starlight's defaults, nothing of the course. The Lighthouse run
// (tests/lighthouse/run.ts) measures it beside the course's pages as the reference a Starlight page
// scores on this machine at this moment.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://bare-starlight.example',
  integrations: [starlight({ title: 'Bare Starlight' })],
});
