import type { EventRecorder } from '../core/component';
import type { Store } from '../core/store';
import type { Clock } from '../core/clock';
import type { Event as KubeEvent } from './types';
import { isTerminating } from './namespace-registry';

/**
 * The event recorder every component is given: it writes Kubernetes Events to the store and
 * merges a repeat of the same (object, reason, message) into the first Event's `count`, as
 * client-go's event correlator does. An Event's name is the object's name and the time in
 * nanoseconds as hex, as client-go's recorder makes it (`fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`,
 * k8s.io/client-go/tools/record/event.go); the virtual clock counts milliseconds, so Events of one
 * millisecond take the nanoseconds after it in turn.
 */
export function newEventRecorder(store: Store, clock: Clock): EventRecorder {
  /**
   * The Event that records each (object, reason, message), so a repeat bumps its count without a
   * scan: by the object's uid, then by namespace, reason and message. Keyed by uid first, the big
   * map holds one entry per object (its stored uid string hashes once) instead of one per Event.
   */
  const eventsByUid = new Map<string | undefined, Map<string, string>>();
  let lastMs = -1;
  let inMs = 0;
  const unixNano = (): string => {
    const ms = clock.epochMs + clock.now;
    inMs = ms === lastMs ? inMs + 1 : 0;
    lastMs = ms;
    return nanosecondsHex(ms, inMs);
  };
  return (obj, type, reason, message, component, host) => {
    const ns = obj.metadata.namespace ?? 'default';
    let eventByRepeatKey = eventsByUid.get(obj.metadata.uid);
    if (!eventByRepeatKey) eventsByUid.set(obj.metadata.uid, (eventByRepeatKey = new Map()));
    const repeatKey = `${ns}\0${reason}\0${message}`;
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
    // A fresh object made here: the store takes it as it is.
    const created = store.insert<KubeEvent>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${obj.metadata.name}.${unixNano()}`, namespace: ns },
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

/**
 * `ms` milliseconds and `extra` nanoseconds as nanoseconds in hex, exactly, without BigInt (which
 * cost more than the rest of naming an Event): the product passes 2^53, so it is computed in two
 * parts split at bit 24, six hex digits, each part an exact double.
 */
export function nanosecondsHex(ms: number, extra: number): string {
  const split = 2 ** 24;
  const low = (ms % split) * 1_000_000 + extra;
  const high = Math.floor(ms / split) * 1_000_000 + Math.floor(low / split);
  const lowHex = (low % split).toString(16);
  return high ? high.toString(16) + lowHex.padStart(6, '0') : lowHex;
}
