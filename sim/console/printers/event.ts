import type { Event } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/**
 * printEvent (pkg/printers/internalversion/printers.go): OBJECT is `kind/name` in lower case;
 * -o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME, with MESSAGE kept before them.
 */
export const eventPrinter: KindPrinter<Event> = {
  columns: ['Last Seen', 'Type', 'Reason', 'Object', 'Message'],
  wideColumns: [],
  wideHeaders: ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name'],
  row(e, ctx) {
    const last = since(e.lastTimestamp || e.firstTimestamp, ctx.nowMs);
    const target = e.involvedObject.name ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}` : e.involvedObject.kind.toLowerCase();
    if (!ctx.wide) return [last, e.type, e.reason, target, e.message.trim()];
    const source = e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
    return [last, e.type, e.reason, target, e.involvedObject.fieldPath ?? '', source, e.message.trim(), since(e.firstTimestamp, ctx.nowMs), String(e.count || 1), e.metadata.name];
  },
};

