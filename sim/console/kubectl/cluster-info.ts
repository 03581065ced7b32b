import { apiServerAddress, ApiServerPort } from '../../api/well-known';
import type { Service } from '../../api/types';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { isError, parseFlags } from './flags';

/**
 * The kustomize that kubectl embeds and `kubectl version` reports (kubectl v1.34 and v1.35 vendor
 * sigs.k8s.io/kustomize/kustomize/v5 v5.7.1).
 */
const kustomizeVersion = 'v5.7.1';

/** The API server's URL as a kubeconfig written by kubeadm names it. */
function serverURL(ctx: CommandContext): string {
  return `https://${apiServerAddress(ctx.cluster.config)}:${ApiServerPort}`;
}

/**
 * `kubectl version`: client, embedded kustomize and server versions, one per line; the client is
 * taken to match the cluster. Source: staging/src/k8s.io/kubectl/pkg/cmd/version/version.go.
 */
export function kubectlVersion(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'client', bool: true }], 'version');
  if (isError(parsed)) return parsed;
  const version = ctx.cluster.config.kubernetesVersion;
  let stdout = `Client Version: ${version}\nKustomize Version: ${kustomizeVersion}\n`;
  if (parsed.values.get('client') !== 'true') stdout += `Server Version: ${version}\n`;
  return { stdout, stderr: '', exitCode: 0 };
}

/** go-colortext's escapes, which cluster-info writes to the terminal whatever it is (ct.ChangeColor). */
const green = '\x1b[0;32m';
const yellow = '\x1b[0;33m';
const reset = '\x1b[0m';

/**
 * `kubectl cluster-info`: the control plane's URL, then each kube-system Service labelled
 * kubernetes.io/cluster-service=true, named by its kubernetes.io/name label, reached through the API
 * server's proxy (`…/services/NAME:PORTNAME/proxy`), with kubectl's colours.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go.
 */
export function kubectlClusterInfo(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [], 'cluster-info');
  if (isError(parsed)) return parsed;
  if (parsed.args[0] === 'dump') return { stdout: '', stderr: 'error: "kubectl cluster-info dump" is not simulated here\n', exitCode: 1 };
  const line = (name: string, link: string) => `${green}${name}${reset} is running at ${yellow}${link}${reset}\n`;
  const server = serverURL(ctx);
  let stdout = line('Kubernetes control plane', server);
  const services = ctx.cluster.store.list<Service>('Service', 'kube-system').filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
  for (const svc of services.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
    const port = svc.spec.ports?.[0];
    const suffix = port?.name ? `:${port.name}` : '';
    stdout += line(name, `${server}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${suffix}/proxy`);
  }
  stdout += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  return { stdout, stderr: '', exitCode: 0 };
}
