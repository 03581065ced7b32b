import type { ConfigMap, Container, Deployment, Namespace, Service, ServiceAccount, ServicePort } from '../../api/types';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { createObject } from './create-object';
import { isError, oneName, parseFlags } from './flags';
import { dataFromSources } from './data-sources';
import { kubectlCreateSecret } from './create-secret';

/**
 * `kubectl create deployment|namespace|configmap|secret|serviceaccount|service clusterip|service nodeport …`: builds the
 * object the way kubectl's generators do and sends it to the API server.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/create/create_*.go.
 */
export function kubectlCreate(ctx: CommandContext, argv: string[]): ExecResult {
  const [what, ...rest] = argv;
  switch (what) {
    case 'deployment':
    case 'deploy':
      return createDeployment(ctx, rest);
    case 'namespace':
    case 'ns':
      return createNamespace(ctx, rest);
    case 'configmap':
    case 'cm':
      return createConfigMap(ctx, rest);
    case 'service':
    case 'svc':
      return createService(ctx, rest);
    case 'secret':
      return kubectlCreateSecret(ctx, rest);
    case 'serviceaccount':
    case 'sa':
      return createServiceAccount(ctx, rest);
    case undefined:
      return kubectlError('must specify one of -f and -k');
    default:
      if (what.startsWith('-')) return kubectlError('"kubectl create -f" is not simulated here; use "kubectl apply -f", which creates what does not exist yet');
      return { stdout: '', stderr: `error: unknown command "${what}" for "kubectl create"\n`, exitCode: 1 };
  }
}

/**
 * `kubectl create deployment NAME --image=I… [--replicas=N] [--port=P] [-- COMMAND…]`: labels
 * `app=NAME` on the Deployment, its selector and its template; one container per image, named after
 * the image (path and tag dropped, `_` → `-`); --port declares a port on the first container.
 */
function createDeployment(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'image', repeated: true }, { long: 'replicas', short: 'r' }, { long: 'port' }], 'create deployment');
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  const images = parsed.repeated.get('image') ?? [];
  if (images.length === 0) return kubectlError('required flag(s) "image" not set');
  const replicas = Number(parsed.values.get('replicas') ?? '1');
  const port = Number(parsed.values.get('port') ?? '-1');
  if (!Number.isInteger(replicas)) return kubectlError(`invalid argument "${parsed.values.get('replicas')}" for "-r, --replicas" flag: strconv.ParseInt: parsing "${parsed.values.get('replicas')}": invalid syntax`);
  if (!Number.isInteger(port)) return kubectlError(`invalid argument "${parsed.values.get('port')}" for "--port" flag: strconv.ParseInt: parsing "${parsed.values.get('port')}": invalid syntax`);
  if (parsed.afterDash?.length && images.length > 1) return kubectlError('cannot specify multiple --image options and command');
  const containers: Container[] = [];
  for (const image of images) {
    let base = image.slice(image.lastIndexOf('/') + 1).split(':')[0].split('@')[0].replaceAll('_', '-');
    while (containers.some((c) => c.name === base)) base += '-';
    containers.push({ name: base, image, ...(parsed.afterDash?.length ? { command: parsed.afterDash } : {}) });
  }
  if (port >= 0) containers[0].ports = [{ containerPort: port }];
  const labels = { app: name };
  return createObject(ctx.cluster.store, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: namespaceOf(parsed.values), labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  } as Deployment, 'created', 'failed to create deployment');
}

/** `kubectl create namespace NAME`. */
function createNamespace(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [], 'create namespace');
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  return createObject(ctx.cluster.store, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as Namespace);
}

/** `kubectl create serviceaccount NAME` (create_serviceaccount.go): an account with nothing set. */
function createServiceAccount(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [], 'create serviceaccount');
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  return createObject(ctx.cluster.store, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: namespaceOf(parsed.values) } } as ServiceAccount);
}

/** `kubectl create configmap NAME --from-literal=KEY=VALUE…` (--from-file reads the console's files). */
function createConfigMap(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'from-literal', repeated: true }, { long: 'from-file', repeated: true }], 'create configmap');
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  const sources = dataFromSources(ctx, parsed, 'ConfigMap', name);
  if ('error' in sources) return sources.error;
  return createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: namespaceOf(parsed.values) },
    data: sources.data,
  } as ConfigMap, 'created', 'failed to create configmap');
}

/**
 * `kubectl create service clusterip|nodeport NAME --tcp=PORT[:TARGET]… [--clusterip=None]
 * [--node-port=N]`: label and selector `app=NAME`; each port is named after its spec with `:` → `-`
 * (`5678-8080`), protocol TCP. Source: create_service.go (createService, parsePorts).
 */
function createService(ctx: CommandContext, argv: string[]): ExecResult {
  const [type, ...rest] = argv;
  const types: Record<string, Service['spec']['type']> = { clusterip: 'ClusterIP', nodeport: 'NodePort' };
  if (!type || !(type in types)) {
    if (type === 'loadbalancer' || type === 'externalname') return kubectlError(`"kubectl create service ${type}" is not simulated here; the simulator creates: service clusterip, service nodeport`);
    return { stdout: '', stderr: `error: unknown command "${type ?? ''}" for "kubectl create service"\n`, exitCode: 1 };
  }
  const parsed = parseFlags(rest, [{ long: 'tcp', repeated: true }, { long: 'clusterip' }, { long: 'node-port' }], `create service ${type}`);
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  const clusterIP = parsed.values.get('clusterip');
  const tcp = parsed.repeated.get('tcp') ?? [];
  if (tcp.length === 0 && clusterIP !== 'None') return kubectlError('at least one tcp port specifier must be provided');
  const nodePort = Number(parsed.values.get('node-port') ?? '0');
  const ports: ServicePort[] = [];
  for (const spec of tcp) {
    const [portText, targetText = portText] = spec.split(':', 2);
    const port = Number(portText);
    if (!/^\d+$/.test(portText)) return kubectlError(`strconv.Atoi: parsing "${portText}": invalid syntax`);
    const targetPort = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    ports.push({ name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, ...(nodePort ? { nodePort } : {}) });
  }
  const labels = { app: name };
  return createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: namespaceOf(parsed.values), labels },
    spec: { type: types[type], selector: labels, ports, ...(clusterIP ? { clusterIP } : {}) },
  } as Service);
}

