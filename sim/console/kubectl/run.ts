import type { Container, Pod, PodSpec, Service } from '../../api/types';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { combine, kubectlError } from '../result';
import { createObject } from './create-object';
import { parseLabels } from './expose';
import { isError, parseFlags } from './flags';
import { kubectlAttachRun } from './run-attach';
import { applyOverrides } from './run-overrides';

/**
 * `kubectl run NAME --image=I [--restart=Always|OnFailure|Never] [--labels=L] [--port=P]
 * [--expose] [--env=K=V…] [--command] [--overrides=JSON] [-- ARGS…]`: one Pod with one container named NAME, labelled
 * `run=NAME` unless --labels is given; arguments after `--` are the container's args (its command
 * with --command). --expose also creates a ClusterIP Service of the same name on --port, printed
 * first. With -i (and -t) kubectl attaches to the Pod instead of printing it: see run-attach.ts.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/run/run.go (Validate, Run, generateService) and
 * pkg/generate/versioned/run.go (BasicPod).
 */
export function kubectlRun(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'image' },
    { long: 'restart' },
    { long: 'labels', short: 'l' },
    { long: 'port' },
    { long: 'expose', bool: true },
    { long: 'env', repeated: true },
    { long: 'command', bool: true },
    { long: 'image-pull-policy' },
    { long: 'stdin', short: 'i', bool: true },
    { long: 'tty', short: 't', bool: true },
    { long: 'rm', bool: true },
    { long: 'attach', bool: true },
    { long: 'overrides' },
    { long: 'override-type' },
  ], 'run');
  if (isError(parsed)) return parsed;
  const { values, args, afterDash } = parsed;
  const on = (flag: string) => values.get(flag) === 'true';
  const attach = on('attach') || on('stdin');
  if (args.length === 0) return kubectlError('NAME is required for run');
  const name = args[0];
  const image = values.get('image');
  if (!image) return kubectlError('--image is required');
  if (on('tty') && !on('stdin')) return kubectlError('-i/--stdin is required for containers with -t/--tty=true');
  const port = values.get('port');
  if (on('expose') && !port) return kubectlError('--port must be set when exposing a service');
  if (!attach && on('rm')) return kubectlError('--rm should only be used for attached containers');
  // getRestartPolicy: an interactive Pod defaults to OnFailure.
  const restart = values.get('restart') ?? (on('stdin') ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return kubectlError(`invalid restart policy: ${restart}`);
  const pullPolicy = values.get('image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) return kubectlError(`invalid image pull policy: ${pullPolicy}`);
  const labels = values.has('labels') ? parseLabels(values.get('labels')!) : { run: name };
  if (!labels) return kubectlError(`invalid label spec: ${values.get('labels')}`);
  if (port !== undefined && !/^\d+$/.test(port)) return kubectlError(`invalid argument "${port}" for "--port" flag: strconv.ParseInt: parsing "${port}": invalid syntax`);
  const env = (parsed.repeated.get('env') ?? []).map((e) => ({ name: e.slice(0, e.indexOf('=')), value: e.slice(e.indexOf('=') + 1) }));
  const extra = [...args.slice(1), ...(afterDash ?? [])];
  const container: Container = {
    name,
    image,
    ...(extra.length ? (on('command') ? { command: extra } : { args: extra }) : {}),
    ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
    ...(env.length ? { env } : {}),
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    // BasicPod: stdin, stdinOnce (unless --leave-stdin-open) and tty from -i and -t.
    ...(on('stdin') ? { stdin: true, stdinOnce: true } : {}),
    ...(on('tty') ? { tty: true } : {}),
  };
  const namespace = namespaceOf(values);
  const generated = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [container], restartPolicy: restart as PodSpec['restartPolicy'] },
  } as Pod;
  const overridden = values.has('overrides') ? applyOverrides(generated, values.get('overrides')!, values.get('override-type')) : generated;
  if (typeof overridden === 'string') return kubectlError(overridden);
  const pod = createObject(ctx.cluster.store, overridden);
  if (pod.exitCode !== 0) return pod;
  const service = !on('expose') ? undefined : createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(values.has('labels') ? { labels } : {}) },
    spec: { selector: labels, ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }] },
  } as Service);
  if (attach) {
    const attached = kubectlAttachRun(ctx, { namespace, name, stdin: on('stdin'), tty: on('tty'), remove: on('rm'), restartPolicy: restart, service: service !== undefined });
    return service ? combine([service, attached]) : attached;
  }
  return service ? combine([service, pod]) : pod;
}
