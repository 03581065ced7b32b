import type { KubeObject } from '../../api/types';
import { matchesSelector, formatLabels } from '../../api/labels';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, nowMs, type CommandContext } from '../context';
import { parseCustomColumns, renderCustomColumns } from '../output/custom-columns';
import { executeGoTemplate, parseGoTemplate } from '../output/go-template';
import { evaluatePath, executeJsonPath, parseJsonPath } from '../output/jsonpath';
import { kindPrinters } from '../printers';
import { renderTable, type PrintContext } from '../printers/table';
import { asList, toJson, toYaml } from '../printers/yaml-json';
import { combine, kubectlError } from '../result';
import { parseFieldSelector } from './field-selector';
import { isError, parseFlags } from './flags';
import { kindString, listSorted, parseResourceArgs, selectorFlag, type ResourceRequest } from './resources';

const outputFormats = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/**
 * `kubectl get TYPE[,TYPE] [NAME...] [-n NS | -A] [-l SELECTOR] [--field-selector F]
 * [-o wide|yaml|json|name|jsonpath=T|custom-columns=C|go-template=T] [--sort-by=PATH]
 * [--no-headers] [--show-labels] [-L KEY…]`.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go and cli-runtime's printers.
 */
export function kubectlGet(ctx: CommandContext, argv: string[]): ExecResult {
  const warnings: string[] = [];
  const result = get(ctx, argv, warnings);
  // kubectl's warning handler prints a response's warnings to stderr as the response arrives,
  // before the objects it carries are printed (client-go rest.WarningHandler).
  return warnings.length ? combine([{ stdout: '', stderr: warnings.join(''), exitCode: 0 }, result]) : result;
}

function get(ctx: CommandContext, argv: string[], warnings: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'all-namespaces', short: 'A', bool: true },
    { long: 'selector', short: 'l' },
    { long: 'field-selector' },
    { long: 'output', short: 'o' },
    { long: 'show-labels', bool: true },
    { long: 'no-headers', bool: true },
    { long: 'sort-by' },
    { long: 'label-columns', short: 'L', repeated: true },
  ], 'get');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  if (args.length === 0) {
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      exitCode: 1,
    };
  }
  const output = values.get('output') ?? '';
  const format = output.includes('=') ? output.slice(0, output.indexOf('=')) : output;
  const template = output.includes('=') ? output.slice(output.indexOf('=') + 1) : '';
  if (!['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns', 'go-template', 'template'].includes(format) || (['jsonpath', 'go-template', 'template'].includes(format) && !output.includes('='))) {
    if (format === 'jsonpath' || format === 'go-template' || format === 'template') return kubectlError(`template format specified but no template given`);
    return kubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${outputFormats}`);
  }
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const allNamespaces = values.get('all-namespaces') === 'true';
  const namespace = allNamespaces ? undefined : namespaceOf(values);
  const selector = selectorFlag(values);
  if (selector && 'exitCode' in selector) return selector;

  const errors: string[] = [];
  const groups: { request: ResourceRequest; objects: KubeObject[] }[] = [];
  for (const request of requests) {
    let objects: KubeObject[];
    if (request.names.length) {
      objects = [];
      for (const name of request.names) {
        const obj = ctx.cluster.store.get(request.info.kind, request.info.namespaced ? namespaceOf(values) : '', name);
        if (obj) objects.push(obj);
        else errors.push(ApiError.notFound(request.info.kind, name).toString());
      }
    } else {
      objects = listSorted(ctx.cluster.store, request.info, namespace);
    }
    if (selector) objects = objects.filter((o) => matchesSelector(o.metadata.labels, selector));
    if (values.has('field-selector')) {
      const filter = parseFieldSelector(values.get('field-selector')!, request.info, values.get('selector') ?? '');
      if ('error' in filter) return { stdout: '', stderr: `${filter.error}\n`, exitCode: 1 };
      objects = objects.filter(filter);
    }
    if (values.has('sort-by')) {
      const sorted = sortBy(objects, values.get('sort-by')!);
      if ('error' in sorted) return kubectlError(sorted.error);
      objects = sorted;
    }
    groups.push({ request, objects });
  }

  // The API server has answered reads of v1 Endpoints with this warning since v1.33 (KEP-4974).
  if (groups.some((g) => g.request.info.kind === 'Endpoints')) warnings.push('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
  const stderr = errors.map((e) => e + '\n').join('');
  const exitCode = errors.length ? 1 : 0;
  const objects = groups.flatMap((g) => g.objects);
  const structured = ['yaml', 'json', 'jsonpath', 'go-template', 'template'].includes(format);
  if (objects.length === 0 && errors.length === 0 && !structured) {
    const scoped = groups.some((g) => g.request.info.namespaced) && namespace !== undefined;
    return { stdout: '', stderr: (scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n'), exitCode: 0 };
  }
  if (format === 'name') {
    return { stdout: groups.flatMap((g) => g.objects.map((o) => `${kindString(g.request.info)}/${o.metadata.name}\n`)).join(''), stderr, exitCode };
  }
  const single = groups.length === 1 && groups[0].request.names.length === 1 && objects.length === 1;
  const value = single ? objects[0] : asList(objects);
  if (format === 'yaml') return { stdout: toYaml(value), stderr, exitCode };
  if (format === 'json') return { stdout: toJson(value), stderr, exitCode };
  if (format === 'jsonpath') {
    const parsedTemplate = parseJsonPath(template);
    if ('error' in parsedTemplate) return kubectlError(`error parsing jsonpath ${template}, ${parsedTemplate.error}`);
    return { stdout: executeJsonPath(parsedTemplate, value), stderr, exitCode };
  }
  if (format === 'go-template' || format === 'template') {
    const parsedTemplate = parseGoTemplate(template);
    if ('error' in parsedTemplate) return kubectlError(`error parsing template ${template}, ${parsedTemplate.error}`);
    try {
      return { stdout: executeGoTemplate(parsedTemplate, value), stderr, exitCode };
    } catch (e) {
      return kubectlError(`error executing template "${template}": ${(e as Error).message}`);
    }
  }
  const noHeaders = values.get('no-headers') === 'true';
  if (format === 'custom-columns') {
    const columns = parseCustomColumns(template);
    if ('error' in columns) return kubectlError(columns.error);
    const table = renderCustomColumns(columns, objects, noHeaders);
    if (typeof table !== 'string') return kubectlError(table.error);
    return { stdout: table, stderr, exitCode };
  }

  const printCtx: PrintContext = { nowMs: nowMs(ctx.cluster), wide: format === 'wide' };
  const withKind = groups.length > 1;
  const showLabels = values.get('show-labels') === 'true';
  // -L app,tier or -L app -L tier: one column per key, headed by the key's last path segment
  // upper-cased (cli-runtime printers: formatLabelHeaders); an unset label is an empty cell.
  const labelColumns = (parsed.repeated.get('label-columns') ?? []).flatMap((l) => l.split(',')).filter(Boolean);
  const tables: string[] = [];
  for (const { request, objects: objs } of groups) {
    if (objs.length === 0) continue;
    const printer = kindPrinters.get(request.info.kind);
    if (!printer) continue;
    const withNamespace = allNamespaces && request.info.namespaced;
    const headers = [
      ...(withNamespace ? ['Namespace'] : []),
      ...(printCtx.wide && printer.wideHeaders ? printer.wideHeaders : [...printer.columns, ...(printCtx.wide ? printer.wideColumns : [])]),
      ...labelColumns.map((l) => l.slice(l.lastIndexOf('/') + 1)),
      ...(showLabels ? ['Labels'] : []),
    ];
    const nameColumn = headers.indexOf('Name') - (withNamespace ? 1 : 0);
    const rows = objs.map((o) => {
      const cells = printer.row(o, printCtx);
      if (withKind && nameColumn >= 0) cells[nameColumn] = `${kindString(request.info)}/${cells[nameColumn]}`;
      if (withNamespace) cells.unshift(o.metadata.namespace ?? '');
      for (const l of labelColumns) cells.push(o.metadata.labels?.[l] ?? '');
      if (showLabels) cells.push(formatLabels(o.metadata.labels));
      return cells;
    });
    tables.push(renderTable(headers, rows, noHeaders));
  }
  return { stdout: tables.join(noHeaders ? '' : '\n'), stderr, exitCode };
}

/**
 * `--sort-by=PATH` (relaxed JSONPath: `.metadata.name` or `{.metadata.name}`): numbers in numeric
 * order, everything else as text; objects without the field come first, as kubectl's RuntimeSort
 * treats a missing value as the smallest. Stable, so ties keep the API server's order.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go.
 */
function sortBy(objects: KubeObject[], path: string): KubeObject[] | { error: string } {
  if (objects.length === 0) return objects;
  // printers.RelaxedJSONPathExpression, then SortObjects: a path no object has is an error.
  const relaxed = path.match(/^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/);
  if (!relaxed) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  const field = `{.${relaxed[1] ?? relaxed[2]}}`;
  const keyed: { obj: KubeObject; key: unknown }[] = [];
  for (const obj of objects) {
    const found = evaluatePath(path, obj);
    if ('error' in found) return { error: `couldn't parse --sort-by ${path}: ${found.error}` };
    keyed.push({ obj, key: found[0] });
  }
  if (keyed.every((k) => k.key === undefined)) return { error: `couldn't find any field with path ${JSON.stringify(field)} in the list of objects` };
  const rank = (k: unknown) => (k === undefined ? 0 : 1);
  keyed.sort((a, b) => {
    if (rank(a.key) !== rank(b.key)) return rank(a.key) - rank(b.key);
    if (typeof a.key === 'number' && typeof b.key === 'number') return a.key - b.key;
    const x = typeof a.key === 'string' ? a.key : JSON.stringify(a.key);
    const y = typeof b.key === 'string' ? b.key : JSON.stringify(b.key);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return keyed.map((k) => k.obj);
}
