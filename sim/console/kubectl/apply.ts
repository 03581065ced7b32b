import { applyErrors, applyFile } from '../../api/apply';
import { printedResult, type ExecResult, type Write } from '../../node/programs';
import type { CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';

/**
 * `kubectl apply -f FILE [-f FILE…] [--dry-run=none|client|server]`: prints
 * `deployment.apps/web created|configured|unchanged` per object, each document applied or refused on
 * its own, then every error. It does not wait: controllers react afterwards, as they do to a real
 * apply. Source: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (Run, applyOneObject).
 */
export function kubectlApply(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'filename', short: 'f', repeated: true }, { long: 'dry-run' }], 'apply');
  if (isError(parsed)) return parsed;
  const files = parsed.repeated.get('filename') ?? [];
  const dryRun = parsed.values.get('dry-run') ?? 'none';
  // cmdutil.GetDryRunStrategy: a bare --dry-run is an error since kubectl 1.23.
  if (!['none', 'server', 'client'].includes(dryRun)) {
    return kubectlError(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  if (dryRun === 'client') return kubectlError('--dry-run=client is not simulated here; use --dry-run=server');
  if (files.length === 0) return kubectlError('must specify one of -f and -k');
  const texts = readAll(ctx, files);
  if (!Array.isArray(texts)) return texts;
  const warned = new Set<string>();
  const results = texts.map(([file, text]) => applyFile(ctx.cluster, text, file, { dryRun: dryRun === 'server', warned }));
  // kubectl's own sentences: the editor, not the terminal, shows where in the file each one is.
  const errors = applyErrors(results, false);
  // Each object's warnings, then its line, as the answers arrive; the errors once all are sent.
  const writes: Write[] = [...results.flatMap((r) => r.printed), ...errors.map((e): Write => ({ stream: 'stderr', text: e + '\n' }))];
  return printedResult(writes, errors.length ? 1 : 0);
}

/**
 * What kubectl says of `-f URL`: it fetches the URL (resource/visitor.go readHttpWithRetries), and
 * the reader's machine in the simulator resolves no name outside the cluster (its curl says
 * `Could not resolve host`), so Go's resolver answers no such host.
 */
function unreachableUrl(url: string): ExecResult {
  return kubectlError(`Get "${url}": dial tcp: lookup ${new URL(url).hostname}: no such host`);
}

/** Reads every `-f` file first; a missing one fails the command before anything is applied. */
export function readAll(ctx: CommandContext, files: string[]): [string, string][] | ExecResult {
  const texts: [string, string][] = [];
  for (const file of files) {
    if (/^https?:\/\//.test(file) && URL.canParse(file)) return unreachableUrl(file);
    const text = ctx.readFile(file);
    if (text === undefined) return kubectlError(`the path "${file}" does not exist`);
    texts.push([file, text]);
  }
  return texts;
}
