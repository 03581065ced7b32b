import { describeOptions, tabwrite } from '../printers/tabwriter';

/**
 * kubectl describe's PrefixWriter over a tabwriter (k8s.io/kubectl/pkg/describe/describe.go):
 * each level indents two more spaces; `flush()` ends a tabwriter block, so the Events table
 * aligns on its own.
 */
export class PrefixWriter {
  private pending = '';
  private done = '';

  /** Writes `text` (which may contain tabs and newlines) after `level` indentations. */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  flush(): void {
    this.done += tabwrite(this.pending, describeOptions);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/**
 * printLabelsMultiline: `Labels:\tapp=web` then one `\tkey=value` line per further label, sorted;
 * `<none>` when empty. `indent` prefixes the title (`  Labels` in a pod template).
 */
export function writeLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  const keys = Object.keys(labels ?? {}).sort();
  w.write(0, `${title}:\t`);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => w.write(0, `${i ? '\t' : ''}${k}=${labels![k]}\n`));
}

/** Annotations kubectl describe never shows (describe.go skipAnnotations). */
const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: `key: value`, one per line, sorted; long values on their own lines. */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  const keys = Object.keys(annotations ?? {}).filter((k) => !skipAnnotations.has(k)).sort();
  w.write(0, `${title}:\t`);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const maxAnnotationLen = 140;
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > maxAnnotationLen - 2 ? s.slice(0, maxAnnotationLen - 2) + '...' : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}
