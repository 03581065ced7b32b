import type { Event, KubeObject } from '../../api/types';
import type { Store } from '../../core/store';
import { since } from '../printers/age';
import type { PrefixWriter } from './prefix-writer';

/** The Events about one object, oldest first (kubectl's SortableEvents orders by lastTimestamp). */
export function eventsFor(store: Store, obj: KubeObject): Event[] {
  return store
    .list<Event>('Event', obj.metadata.namespace ?? 'default')
    .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (!e.involvedObject.uid || !obj.metadata.uid || e.involvedObject.uid === obj.metadata.uid))
    .sort((a, b) => Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp));
}

/**
 * DescribeEvents (k8s.io/kubectl/pkg/describe/describe.go): `Events:  <none>`, or a table with
 * Age `5s` or `10s (x3 over 2m)` and From the reporting component. The table is its own
 * tabwriter block (the writer is flushed first).
 */
export function writeEvents(w: PrefixWriter, events: Event[], nowMs: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = since(e.firstTimestamp, nowMs);
    const interval = e.count > 1 ? `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
  }
}
