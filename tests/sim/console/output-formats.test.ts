import { describe, expect, it } from 'vitest';
import { parseCustomColumns, renderCustomColumns } from '../../../sim/console/output/custom-columns';
import { executeGoTemplate, parseGoTemplate } from '../../../sim/console/output/go-template';
import { evaluatePath, executeJsonPath, parseJsonPath } from '../../../sim/console/output/jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, status: { podIP: '10.0.0.1', conditions: [{ type: 'Ready', status: 'True' }], phase: 'Running' }, spec: { ports: [80, 443] } },
    { metadata: { name: 'b' }, status: { podIP: '10.0.0.2', conditions: [{ type: 'Ready', status: 'False' }], phase: 'Pending' }, spec: { ports: [] } },
  ],
};

function jsonpath(template: string, data: unknown = list): string {
  const parsed = parseJsonPath(template);
  if ('error' in parsed) throw new Error(parsed.error);
  return executeJsonPath(parsed, data);
}

describe('kubectl JSONPath templates', () => {
  it('joins the values of one action with spaces and keeps text around actions', () => {
    expect(jsonpath('{.items[*].status.podIP}')).toBe('10.0.0.1 10.0.0.2');
    expect(jsonpath('ip={.items[0].status.podIP}!')).toBe('ip=10.0.0.1!');
  });
  it('ranges, with quoted literals and Go escapes', () => {
    expect(jsonpath('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('a\tRunning\nb\tPending\n');
  });
  it('filters, negative indexes, slices and recursive descent', () => {
    expect(jsonpath('{.items[?(@.status.phase=="Running")].metadata.name}')).toBe('a');
    expect(jsonpath('{.items[*].status.conditions[?(@.type=="Ready")].status}')).toBe('True False');
    expect(jsonpath('{.items[-1].metadata.name}')).toBe('b');
    expect(jsonpath('{.items[0:1].metadata.name}')).toBe('a');
    expect(jsonpath('{..podIP}')).toBe('10.0.0.1 10.0.0.2');
    expect(jsonpath("{.items[0].metadata.labels['app']}")).toBe('web');
  });
  it('prints maps and lists as JSON and missing fields as nothing', () => {
    expect(jsonpath('{.items[0].metadata.labels}')).toBe('{"app":"web"}');
    expect(jsonpath('{.items[0].spec.ports}')).toBe('[80,443]');
    expect(jsonpath('{.items[1].metadata.labels.app}')).toBe('');
  });
  it('reports templates it cannot parse', () => {
    expect(parseJsonPath('{range .items[*]}{.a}')).toEqual({ error: 'unclosed range' });
    expect(parseJsonPath('{end}')).toEqual({ error: 'not in range, nothing to end' });
    expect(evaluatePath('.items[0].metadata.name', list)).toEqual(['a']);
  });
});

describe('go-template output', () => {
  function run(template: string): string {
    const parsed = parseGoTemplate(template);
    if ('error' in parsed) throw new Error(parsed.error);
    return executeGoTemplate(parsed, list);
  }
  it('ranges over items with field access and literal strings', () => {
    expect(run('{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}')).toBe('10.0.0.1\n10.0.0.2\n');
  });
  it('formats with printf and prints <no value> for a missing key', () => {
    expect(run('{{range .items}}{{printf "%s=%s\\n" .metadata.name .status.phase}}{{end}}')).toBe('a=Running\nb=Pending\n');
    expect(run('{{len .items}} {{.kind}} {{index .items 0 "metadata" "name"}}')).toBe('2 List a');
    expect(run('{{range .items}}{{.metadata.labels.app}} {{end}}')).toBe('web <no value> ');
  });
  it('branches with if/else and trims around {{- -}}', () => {
    expect(run('{{range .items}}{{if .metadata.labels}}L{{else}}-{{end}}{{end}}')).toBe('L-');
    expect(run('x  {{- "y" -}}  z')).toBe('xyz');
  });
  it('refuses what it does not simulate instead of misreading it', () => {
    expect(parseGoTemplate('{{with .a}}{{end}}')).toHaveProperty('error');
    expect(() => run('{{.kind | printf "%s"}}')).toThrow(/not simulated/);
  });
});

describe('custom-columns', () => {
  it('prints headers as written, <none> for nothing and Go values for maps', () => {
    const columns = parseCustomColumns('NAME:.metadata.name,LABELS:.metadata.labels,APP:{.metadata.labels.app}');
    if ('error' in columns) throw new Error(columns.error);
    expect(renderCustomColumns(columns, list.items, false)).toBe(
      'NAME   LABELS         APP\n' +
      'a      map[app:web]   web\n' +
      'b      <none>         <none>\n',
    );
    expect(renderCustomColumns(columns, list.items, true)).toBe('a     map[app:web]   web\nb     <none>         <none>\n');
  });
  it('rejects a column without a path', () => {
    expect(parseCustomColumns('NAME')).toEqual({ error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>' });
  });
});
