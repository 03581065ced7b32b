import type { Secret, ServiceAccount } from '../../api/types';
import type { Store } from '../../core/store';
import { eventsFor, writeEvents } from './events';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/** The legacy token Secret type and the annotations that tie one to its account (k8s.io/api/core/v1/types.go). */
const serviceAccountTokenType = 'kubernetes.io/service-account-token';
const serviceAccountNameKey = 'kubernetes.io/service-account.name';
const serviceAccountUIDKey = 'kubernetes.io/service-account.uid';

/**
 * `kubectl describe serviceaccount`, following ServiceAccountDescriber in
 * k8s.io/kubectl/pkg/describe/describe.go: the three lists under headers padded to one width, in
 * sorted header order; a listed Secret that does not exist is marked `(not found)`; Tokens are the
 * legacy token Secrets annotated with this account's name and uid.
 */
export function describeServiceAccount(store: Store, sa: ServiceAccount, nowMs: number): string {
  const namespace = sa.metadata.namespace ?? 'default';
  const secrets = store.list<Secret>('Secret', namespace);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) => s.type === serviceAccountTokenType && s.metadata.annotations?.[serviceAccountNameKey] === sa.metadata.name && s.metadata.annotations?.[serviceAccountUIDKey] === sa.metadata.uid,
  );
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${namespace}\n`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, 'Annotations', sa.metadata.annotations);
  const lists: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name)],
    ['Tokens:            ', tokens.map((s) => s.metadata.name)],
  ];
  for (const [header, names] of lists) {
    if (names.length === 0) w.write(0, `${header}\t<none>\n`);
    names.forEach((name, i) => w.write(0, `${i === 0 ? header : ' '.repeat(header.length)}\t${name}${existing.has(name) ? '' : ' (not found)'}\n`));
  }
  writeEvents(w, eventsFor(store, sa), nowMs);
  return w.toString();
}
