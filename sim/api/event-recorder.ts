import type { EventRecorder } from '../core/component';
import type { Store } from '../core/store';
import type { Clock } from '../core/clock';
import type { Rng } from '../core/rng';
import type { Event as KubeEvent } from './types';
import { isTerminating } from './namespace-registry';

/**
 * The event recorder every component is given: it writes Kubernetes Events to the store and
 * merges a repeat of the same (object, reason, message) into the first Event's `count`, as
 * client-go's event correlator does. Event names are the object's name and a hex timestamp.
 */
export function newEventRecorder(store: Store, clock: Clock, rng: Rng): EventRecorder {
  /** The Event that records each (object, reason, message), so a repeat bumps its count without a scan. */
  const eventByRepeatKey = new Map<string, string>();
  return (obj, type, reason, message, component, host) => {
    const ns = obj.metadata.namespace ?? 'default';
    const repeatKey = `${ns}\0${obj.metadata.uid}\0${reason}\0${message}`;
    const seen = eventByRepeatKey.get(repeatKey);
    const existing = seen === undefined ? undefined : store.get<KubeEvent>('Event', ns, seen);
    const now = clock.timestamp();
    if (existing) {
      store.mutate<KubeEvent>('Event', ns, existing.metadata.name, (e) => {
        e.count += 1;
        e.lastTimestamp = now;
      });
      return;
    }
    // The API server refuses new Events in a Terminating namespace; the recorder drops them.
    if (isTerminating({ store }, ns)) return;
    const created = store.create<KubeEvent>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${obj.metadata.name}.${(clock.epochMs + clock.now).toString(16)}${rng.suffix(4)}`, namespace: ns },
      involvedObject: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion },
      reason,
      message,
      type,
      source: { component, host },
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    });
    eventByRepeatKey.set(repeatKey, created.metadata.name);
  };
}
