import type { Program } from '../programs';
import { filters } from '../../shell/filters';
import { isFile, resolvePath } from './fs';

/**
 * grep, head, tail, wc, sort and uniq as programs of every image: they read stdin (in an `sh -c`
 * pipeline) or the container's files named as operands. The filters themselves live in
 * sim/shell/filters.ts, shared with the console.
 */
export const filterPrograms = new Map<string, Program>(
  [...filters].map(([name, filter]) => [
    name,
    (ctx, args) => filter(args, { stdin: ctx.stdin, readFile: (path) => (ctx.fs && isFile(ctx.fs, path) ? ctx.fs.get(resolvePath(path)) : undefined) }),
  ]),
);
