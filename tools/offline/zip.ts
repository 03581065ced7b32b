import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/**
 * Zips `folder` into `zipFile`, every entry under `top/`, so that unzipping gives one folder.
 * Returns `zipFile`.
 */
export function zipFolder(folder: string, zipFile: string, top: string): string {
  const files: Zippable = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, name);
    if (statSync(path).isFile()) files[`${top}/${name.split('\\').join('/')}`] = readFileSync(path);
  }
  writeFileSync(zipFile, zipSync(files, { level: 9 }));
  return zipFile;
}
