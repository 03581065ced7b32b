import type { Deployment, KubeObject, Labels, Pod, ReplicaSet, Service, ServicePort } from '../../api/types';
import { parseSelector } from '../../api/labels';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { createObject } from './create-object';
import { isError, parseFlags } from './flags';
import { parseResourceArgs } from './resources';

/**
 * `kubectl expose (deployment|replicaset|pod|service) NAME [--port=P] [--target-port=T]
 * [--name=N] [--type=T] [--protocol=P] [--selector=S] [--labels=L]`: a Service whose selector is
 * the object's (a Deployment's or ReplicaSet's matchLabels, a Pod's labels, a Service's selector),
 * labelled like the object, with the object's ports when --port is not given; the target port is
 * the port unless --target-port says otherwise. Prints `service/NAME exposed`.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go and
 * polymorphichelpers (mapbasedselectorforobject.go, portsforobject.go, protocolsforobject.go).
 */
export function kubectlExpose(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'port' },
    { long: 'target-port' },
    { long: 'name' },
    { long: 'type' },
    { long: 'protocol' },
    { long: 'selector' },
    { long: 'labels', short: 'l' },
  ], 'expose');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  if (args.length === 0) {
    return kubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const [{ info, names }] = requests;
  if (names.length === 0) return kubectlError('resource(s) were provided, but no name was specified');
  const namespace = namespaceOf(values);
  const obj = ctx.cluster.store.get(info.kind, info.namespaced ? namespace : '', names[0]);
  if (!obj) return { stdout: '', stderr: `${ApiError.notFound(info.kind, names[0])}\n`, exitCode: 1 };
  if (!['Deployment', 'ReplicaSet', 'Pod', 'Service'].includes(obj.kind)) return kubectlError(`cannot expose a ${obj.kind}`);

  let selector: Labels;
  if (values.has('selector')) {
    try {
      selector = parseSelector(values.get('selector')!).matchLabels ?? {};
    } catch (e) {
      return kubectlError((e as Error).message);
    }
  } else {
    const found = selectorOf(obj);
    if (typeof found === 'string') return kubectlError(found);
    selector = found;
  }

  const introspected = portsOf(obj);
  const portTexts = values.has('port') ? [values.get('port')!] : introspected.map((p) => String(p.port));
  if (portTexts.length === 0) return kubectlError("couldn't find port via --port flag or introspection");
  const type = values.get('type') ?? 'ClusterIP';
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!types.includes(type)) return kubectlError(`invalid service type: ${type}`);
  const targetText = values.get('target-port');
  const ports: ServicePort[] = [];
  for (const [i, text] of portTexts.entries()) {
    const port = Number(text);
    if (!/^\d+$/.test(text)) return kubectlError(`strconv.Atoi: parsing "${text}": invalid syntax`);
    const protocol = (values.get('protocol') ?? introspected.find((p) => p.port === port)?.protocol ?? 'TCP') as ServicePort['protocol'];
    const targetPort = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    // Several introspected ports are named port-1, port-2… (expose.go generateService).
    ports.push({ ...(portTexts.length > 1 ? { name: `port-${i + 1}` } : {}), port, protocol, targetPort });
  }
  const labels = values.has('labels') ? parseLabels(values.get('labels')!) : obj.metadata.labels;
  if (labels === undefined && values.has('labels')) return kubectlError(`invalid label spec: ${values.get('labels')}`);
  return createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: values.get('name') || obj.metadata.name, namespace: obj.metadata.namespace ?? namespace, ...(labels && Object.keys(labels).length ? { labels } : {}) },
    spec: { type: type as Service['spec']['type'], selector, ports },
  } as Service, 'exposed');
}

/** MapBasedSelectorForObject: the selector the new Service copies, or kubectl's refusal. */
function selectorOf(obj: KubeObject): Labels | string {
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      return Object.keys(labels).length ? labels : 'the pod has no labels and cannot be exposed';
    }
    case 'Service': {
      const selector = (obj as Service).spec.selector ?? {};
      return Object.keys(selector).length ? selector : 'the service has no pod selector set';
    }
    default: {
      const selector = (obj as Deployment | ReplicaSet).spec.selector;
      if (selector.matchExpressions?.length) return `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}", to map-based selector format`;
      return selector.matchLabels ?? {};
    }
  }
}

/** PortsForObject and ProtocolsForObject: the container ports of a Pod template, a Service's ports. */
function portsOf(obj: KubeObject): { port: number; protocol?: string }[] {
  if (obj.kind === 'Service') return ((obj as Service).spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol }));
  const spec = obj.kind === 'Pod' ? (obj as Pod).spec : (obj as Deployment | ReplicaSet).spec.template.spec;
  return spec.containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol })));
}

/** `a=b,c=d` as --labels takes it; undefined when a term is not key=value. */
export function parseLabels(text: string): Labels | undefined {
  const labels: Labels = {};
  for (const term of text.split(',')) {
    const eq = term.indexOf('=');
    if (eq <= 0) return undefined;
    labels[term.slice(0, eq)] = term.slice(eq + 1);
  }
  return labels;
}
