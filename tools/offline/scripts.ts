import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * esbuild bundles for the offline folder: classic scripts (IIFE) that a page opened from file://
 * may run, where module scripts, import() and fetch() are refused. esbuild inlines every static
 * and dynamic import of a bundle, so the whole graph becomes one file.
 */
/**
 * Vite wraps a dynamic import() in its preload helper, which adds <link rel=modulepreload> for
 * the imported chunk's dependencies, at URLs that do not exist in a bundle opened from disk. In a
 * bundle everything is already loaded, so the helper becomes "just load it".
 */
const noModulePreload: Plugin = {
  name: 'no-module-preload',
  setup(build) {
    build.onLoad({ filter: /[\\/]preload-helper\.[\w-]+\.js$/ }, ({ path }) => {
      const exported = /export\s*\{\s*(\w+)\s+as\s+(\w+)\s*\}/.exec(readFileSync(path, 'utf8'));
      if (!exported) throw new Error(`${path}: Vite's preload helper no longer exports one function; the offline build needs updating`);
      return { contents: `const preload = (load) => load(); export { preload as ${exported[2]} };`, loader: 'js' };
    });
  },
};

const classic: BuildOptions = {
  plugins: [noModulePreload],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'es2022',
  logLevel: 'silent',
  legalComments: 'none',
};

async function run(options: BuildOptions): Promise<string> {
  const result = await build({ ...classic, ...options });
  const problems = result.warnings.filter((w) => !/"import\.meta" is not available/.test(w.text));
  if (problems.length) throw new Error(problems.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('\n'));
  return result.outputFiles![0].text;
}

/** Built module scripts of the site (`dist/_astro/x.js`), in order, as one classic script. */
export function bundleModules(files: string[]): Promise<string> {
  return run({ stdin: { contents: files.map((f) => `import ${JSON.stringify(f)};`).join('\n'), resolveDir: process.cwd(), loader: 'js' } });
}

/** An inline module script of a page, whose imports resolve from `dir`, as a classic script. */
export function bundleInline(code: string, dir: string): Promise<string> {
  return run({ stdin: { contents: code, resolveDir: dir, loader: 'js' } });
}

/**
 * The modules of every island of the site, in one classic script that hooks Astro's `astro-island`
 * element: loaded right after the element's definition, it makes the element take each module
 * from the bundle where it would have called import(). Astro names that loader importWithRetry
 * (astro/dist/runtime/server/astro-island.js); the hook fails loudly if the name changes.
 *
 * @param urls    the islands' component and renderer URLs as the pages give them (`/_astro/X.js`)
 * @param toFile  the built file each URL names
 */
export function bundleIslands(urls: string[], toFile: (url: string) => string): Promise<string> {
  const sorted = [...urls].sort();
  const contents = [
    ...sorted.map((url, i) => `import * as m${i} from ${JSON.stringify(toFile(url))};`),
    `const modules = new Map([${sorted.map((url, i) => `[${JSON.stringify(url)}, m${i}]`).join(', ')}]);`,
    `const island = customElements.get('astro-island');`,
    `if (!island || typeof island.prototype.importWithRetry !== 'function') throw new Error('astro-island has no importWithRetry to hook: the offline build needs updating for this Astro');`,
    `island.prototype.importWithRetry = (url) => modules.has(url) ? Promise.resolve(modules.get(url)) : Promise.reject(new Error('not in the offline bundle: ' + url));`,
  ].join('\n');
  return run({ stdin: { contents, resolveDir: process.cwd(), loader: 'js' } });
}

/** A browser script of the course's own (src/offline/*.ts) as a classic script. */
export function bundleSource(path: string): Promise<string> {
  return run({ entryPoints: [join(fileURLToPath(new URL('../../', import.meta.url)), path)] });
}
