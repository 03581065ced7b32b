import type { Container, Pod, PodSpec, Service } from '../../api/types';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { combine, kubectlError } from '../result';
import { createObject } from './create-object';
import { parseLabels } from './expose';
import { isError, parseFlags } from './flags';

/**
 * `kubectl run NAME --image=I [--restart=Always|OnFailure|Never] [--labels=L] [--port=P]
 * [--expose] [--env=K=V…] [--command] [-- ARGS…]`: one Pod with one container named NAME, labelled
 * `run=NAME` unless --labels is given; arguments after `--` are the container's args (its command
 * with --command). --expose also creates a ClusterIP Service of the same name on --port, printed
 * first. The console runs scripts, so the interactive forms (-i, -t, --rm, --attach) are refused
 * with a pointer to `kubectl exec`.
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
  ], 'run');
  if (isError(parsed)) return parsed;
  const { values, args, afterDash } = parsed;
  const on = (flag: string) => values.get(flag) === 'true';
  if (on('stdin') || on('tty') || on('rm') || on('attach')) {
    return kubectlError(
      'this simulator runs scripts, one command per line, so it cannot attach a terminal to a new Pod (-i, -t, --rm, --attach).\n' +
        'Start the Pod without them, then run commands in it:\n' +
        `  kubectl run ${args[0] ?? 'NAME'} --image=${values.get('image') ?? 'IMAGE'} -- sleep 3600\n` +
        `  kubectl exec ${args[0] ?? 'NAME'} -- COMMAND`,
    );
  }
  if (args.length === 0) return kubectlError('NAME is required for run');
  const name = args[0];
  const image = values.get('image');
  if (!image) return kubectlError('--image is required');
  const port = values.get('port');
  if (on('expose') && !port) return kubectlError('--port must be set when exposing a service');
  const restart = values.get('restart') ?? 'Always';
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
  };
  const namespace = namespaceOf(values);
  const pod = createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [container], restartPolicy: restart as PodSpec['restartPolicy'] },
  } as Pod);
  if (pod.exitCode !== 0 || !on('expose')) return pod;
  const service = createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(values.has('labels') ? { labels } : {}) },
    spec: { selector: labels, ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }] },
  } as Service);
  return combine([service, pod]);
}
