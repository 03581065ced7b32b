import type { ConfigMap } from '../../api/types';
import type { Store } from '../../core/store';
import { eventsFor, writeEvents } from './events';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';
import { decodedBase64Length } from '../../api/base64';

/** A ConfigMap as the API serves it: binaryData values are base64. */
type ConfigMapWithBinary = ConfigMap & { binaryData?: Record<string, string> };

/**
 * `kubectl describe configmap`, following ConfigMapDescriber in k8s.io/kubectl/pkg/describe/describe.go:
 * each data key sorted, `key:`, `----`, the value, a blank line; BinaryData as `key: N bytes`.
 */
export function describeConfigMap(store: Store, cm: ConfigMapWithBinary, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(0, `${k}:\n----\n${cm.data![k]}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${decodedBase64Length(cm.binaryData![k])} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, eventsFor(store, cm), nowMs);
  return w.toString();
}
