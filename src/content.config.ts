import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';

/**
 * The course's pages: MDX files in the root `content/` folder (not Starlight's default
 * src/content/docs), so that chapters sit at the top of the repository, in course order.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        /**
         * The chapter's place in the course, 1 first. The sidebar, the landing page's list and
         * previous/next links all follow it. Absent on pages that are not chapters (the landing page).
         */
        order: z.number().int().positive().optional(),
        /**
         * The part of the course the chapter belongs to, e.g. "Part 1 — Inside the cluster": the
         * sidebar's group heading. Chapters of one part must have consecutive `order` numbers.
         */
        part: z.string().min(1).optional(),
      }),
    }),
  }),
  /**
   * The course's own words for Starlight's interface (src/content/i18n/en.json): chapters, not
   * pages. Starlight reads this collection on every page; left undefined it warns at every build.
   */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
