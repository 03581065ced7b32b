import { applyManifests } from '../../api/apply';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';

/**
 * `kubectl apply -f FILE [-f FILE…]`: prints `deployment.apps/web created|configured|unchanged` per
 * object. It does not wait: controllers react afterwards, as they do to a real apply.
 */
export function kubectlApply(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'filename', short: 'f', repeated: true }], 'apply');
  if (isError(parsed)) return parsed;
  const files = parsed.repeated.get('filename') ?? [];
  if (files.length === 0) return kubectlError('must specify one of -f and -k');
  const texts = readAll(ctx, files);
  if (!Array.isArray(texts)) return texts;
  const lines: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [file, text] of texts) {
    const result = applyManifests(ctx.cluster, text, file);
    lines.push(...result.lines);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
  }
  return {
    stdout: lines.map((l) => l + '\n').join(''),
    stderr: [...warnings, ...errors].map((e) => e + '\n').join(''),
    exitCode: errors.length ? 1 : 0,
  };
}

/** Reads every `-f` file first; a missing one fails the command before anything is applied. */
export function readAll(ctx: CommandContext, files: string[]): [string, string][] | ExecResult {
  const texts: [string, string][] = [];
  for (const file of files) {
    const text = ctx.readFile(file);
    if (text === undefined) return kubectlError(`the path "${file}" does not exist`);
    texts.push([file, text]);
  }
  return texts;
}
