import { apiServerAddress, ApiServerPort } from '../../api/well-known';
import type { Service } from '../../api/types';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { isError, parseFlags } from './flags';
import { serverVersion, type VersionInfo } from '../../api/server-version';
import { toYaml } from '../printers/yaml-json';

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
 * `kubectl version`: client, embedded kustomize and server versions, one per line, or as one JSON or
 * YAML object (`-o json|yaml`: clientVersion, kustomizeVersion, serverVersion, each build as
 * k8s.io/apimachinery/pkg/version.Info). The client is taken to match the cluster.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/version/version.go (Run: json.MarshalIndent with two
 * spaces, sigs.k8s.io/yaml, each printed with Fprintln, so the YAML ends with an empty line).
 */
export function kubectlVersion(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'client', bool: true }, { long: 'output', short: 'o' }], 'version');
  if (isError(parsed)) return parsed;
  const output = parsed.values.get('output') ?? '';
  if (output && output !== 'json' && output !== 'yaml') return { stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", exitCode: 1 };
  const version = ctx.cluster.config.kubernetesVersion;
  const clientOnly = parsed.values.get('client') === 'true';
  if (!output) {
    let stdout = `Client Version: ${version}\nKustomize Version: ${kustomizeVersion}\n`;
    if (!clientOnly) stdout += `Server Version: ${version}\n`;
    return { stdout, stderr: '', exitCode: 0 };
  }
  const server = buildOf(version);
  const versions = { clientVersion: clientBuild(server), kustomizeVersion, ...(clientOnly ? {} : { serverVersion: server }) };
  return { stdout: output === 'json' ? `${JSON.stringify(versions, null, 2)}\n` : `${toYaml(versions)}\n`, stderr: '', exitCode: 0 };
}

/** The API server's build of `version` (`GET /version`); for a version the simulator has no build of, what its name tells. */
function buildOf(version: string): Partial<VersionInfo> {
  const known = serverVersion(version);
  if (known) return known;
  const [major = '', minor = ''] = version.replace(/^v/, '').split('.');
  return { major, minor, gitVersion: version, gitCommit: '', gitTreeState: '', buildDate: '', goVersion: '', compiler: 'gc', platform: 'linux/amd64' };
}

/**
 * kubectl's own build: the release's commit and Go, without the emulation and compatibility
 * fields only a server sets (version.Info's omitempty fields). Its build date is the server's:
 * each binary of a release records its own, minutes apart, and kubectl v1.35.0's is not on record here.
 */
function clientBuild(server: Partial<VersionInfo>): Partial<VersionInfo> {
  const { emulationMajor: _em, emulationMinor: _en, minCompatibilityMajor: _cm, minCompatibilityMinor: _cn, ...client } = server;
  return client;
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
