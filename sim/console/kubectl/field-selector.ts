import type { KubeObject, Pod } from '../../api/types';
import type { KindInfo } from '../../core/kinds';

/**
 * The fields each kind's API server can filter on with `--field-selector` (every kind:
 * metadata.name and metadata.namespace; Pods: pkg/registry/core/pod/strategy.go ToSelectableFields;
 * Events and Nodes: their strategies' field sets, the ones the tutorials use).
 */
const fieldsByKind: Record<string, Record<string, (o: KubeObject) => string>> = {
  Pod: {
    'spec.nodeName': (o) => (o as Pod).spec.nodeName ?? '',
    'spec.restartPolicy': (o) => (o as Pod).spec.restartPolicy ?? '',
    'spec.schedulerName': (o) => (o as Pod).spec.schedulerName ?? '',
    'spec.serviceAccountName': (o) => (o as Pod).spec.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String((o as Pod).spec.hostNetwork ?? false),
    'status.phase': (o) => (o as Pod).status?.phase ?? '',
    'status.podIP': (o) => (o as Pod).status?.podIP ?? '',
  },
  Node: { 'spec.unschedulable': (o) => String((o.spec as { unschedulable?: boolean }).unschedulable ?? false) },
  Event: {
    'involvedObject.kind': (o) => (o as unknown as { involvedObject: { kind: string } }).involvedObject.kind,
    'involvedObject.name': (o) => (o as unknown as { involvedObject: { name: string } }).involvedObject.name,
    reason: (o) => (o as unknown as { reason: string }).reason,
    type: (o) => (o as unknown as { type: string }).type,
  },
};

/** A parsed `--field-selector`: keeps an object or not. */
export type FieldFilter = (obj: KubeObject) => boolean;

/**
 * Parses `a=b,c!=d` (`==` too) against the kind's selectable fields; an unknown field is the API
 * server's BadRequest, as kubectl prints it.
 */
export function parseFieldSelector(text: string, info: KindInfo, labelSelector = ''): FieldFilter | { error: string } {
  const fields: Record<string, (o: KubeObject) => string> = {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace ?? '',
    ...fieldsByKind[info.kind],
  };
  const terms: { get: (o: KubeObject) => string; value: string; negate: boolean }[] = [];
  for (const term of text.split(',').filter(Boolean)) {
    const m = term.match(/^([^=!]+)(==|=|!=)(.*)$/);
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${term}'` };
    const get = fields[m[1].trim()];
    if (!get) return { error: `Error from server (BadRequest): Unable to find "${groupVersionResource(info)}" that match label selector "${labelSelector}", field selector "${text}": field label not supported: ${m[1].trim()}` };
    terms.push({ get, value: m[3].trim(), negate: m[2] === '!=' });
  }
  return (obj) => terms.every((t) => (t.get(obj) === t.value) !== t.negate);
}

/** `/v1, Resource=pods`, `apps/v1, Resource=deployments`: schema.GroupVersionResource's String(). */
function groupVersionResource(info: KindInfo): string {
  const [group, version] = info.apiVersion.includes('/') ? info.apiVersion.split('/') : ['', info.apiVersion];
  return `${group}/${version}, Resource=${info.plural}`;
}
