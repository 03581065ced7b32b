import type { KubeObject } from '../../api/types';
import { matchesSelector, parseSelector, formatLabels } from '../../api/labels';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, nowMs, type CommandContext } from '../context';
import { kindPrinters } from '../printers';
import { renderTable, type PrintContext } from '../printers/table';
import { asList, toJson, toYaml } from '../printers/yaml-json';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { kindString, listSorted, parseResourceArgs, type ResourceRequest } from './resources';

const outputFormats = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** `kubectl get TYPE[,TYPE] [NAME...] [-n NS | -A] [-l SELECTOR] [-o wide|yaml|json|name] [--show-labels]`. */
export function kubectlGet(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'all-namespaces', short: 'A', bool: true },
    { long: 'selector', short: 'l' },
    { long: 'output', short: 'o' },
    { long: 'show-labels', bool: true },
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
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    return kubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${outputFormats}`);
  }
  const requests = parseResourceArgs(args);
  if (isError(requests as ExecResult)) return requests as ExecResult;
  const allNamespaces = values.get('all-namespaces') === 'true';
  const namespace = allNamespaces ? undefined : namespaceOf(values);
  let selector;
  if (values.has('selector')) {
    try {
      selector = parseSelector(values.get('selector')!);
    } catch (e) {
      return kubectlError((e as Error).message);
    }
  }

  const errors: string[] = [];
  const groups: { request: ResourceRequest; objects: KubeObject[] }[] = [];
  for (const request of requests as ResourceRequest[]) {
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
    groups.push({ request, objects });
  }

  // The API server has answered reads of v1 Endpoints with this warning since v1.33 (KEP-4974).
  const deprecation = groups.some((g) => g.request.info.kind === 'Endpoints') ? 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' : '';
  const stderr = deprecation + errors.map((e) => e + '\n').join('');
  const exitCode = errors.length ? 1 : 0;
  const objects = groups.flatMap((g) => g.objects);
  if (objects.length === 0 && errors.length === 0 && output !== 'yaml' && output !== 'json') {
    const scoped = groups.some((g) => g.request.info.namespaced) && namespace !== undefined;
    return { stdout: '', stderr: deprecation + (scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n'), exitCode: 0 };
  }
  if (output === 'name') {
    return { stdout: groups.flatMap((g) => g.objects.map((o) => `${kindString(g.request.info)}/${o.metadata.name}\n`)).join(''), stderr, exitCode };
  }
  if (output === 'yaml' || output === 'json') {
    const single = groups.length === 1 && groups[0].request.names.length === 1 && objects.length === 1;
    const value = single ? objects[0] : asList(objects);
    return { stdout: output === 'yaml' ? toYaml(value) : toJson(value), stderr, exitCode };
  }

  const printCtx: PrintContext = { nowMs: nowMs(ctx.cluster), wide: output === 'wide' };
  const withKind = groups.length > 1;
  const tables: string[] = [];
  for (const { request, objects: objs } of groups) {
    if (objs.length === 0) continue;
    const printer = kindPrinters.get(request.info.kind);
    if (!printer) continue;
    const withNamespace = allNamespaces && request.info.namespaced;
    const headers = [
      ...(withNamespace ? ['Namespace'] : []),
      ...(printCtx.wide && printer.wideHeaders ? printer.wideHeaders : [...printer.columns, ...(printCtx.wide ? printer.wideColumns : [])]),
      ...(values.get('show-labels') === 'true' ? ['Labels'] : []),
    ];
    const nameColumn = headers.indexOf('Name') - (withNamespace ? 1 : 0);
    const rows = objs.map((o) => {
      const cells = printer.row(o, printCtx);
      if (withKind && nameColumn >= 0) cells[nameColumn] = `${kindString(request.info)}/${cells[nameColumn]}`;
      if (withNamespace) cells.unshift(o.metadata.namespace ?? '');
      if (values.get('show-labels') === 'true') cells.push(formatLabels(o.metadata.labels));
      return cells;
    });
    tables.push(renderTable(headers, rows));
  }
  return { stdout: tables.join('\n'), stderr, exitCode };
}
