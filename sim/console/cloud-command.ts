import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';
import { renderTable } from './printers/table';

/**
 * `cloud …`: the simulator's stand-in for a cloud provider's CLI (as `aws elbv2`, `gcloud compute`
 * or `az network` are for real ones). The cloud and its API are invented, and so are this
 * command's words; what it shows is what the cloud controller manager made and the cloud keeps:
 * load balancers with their listeners, targets and target health; NAT gateways; public IPs; the
 * calls the cloud received.
 */
const usage = `cloud: the simulator's stand-in for a cloud provider's CLI. The cloud ("simcloud") and its API are invented.

Usage:
  cloud lb list                 load balancers: name, public IP, listeners, the Service they serve
  cloud lb describe NAME        a load balancer's listeners, health check and targets with their health
  cloud nat list                NAT gateways and their public IPs
  cloud ip list                 public IPs and what they are attached to
  cloud calls                   every call made to the cloud's API, oldest first
`;

export function cloudCommand(cluster: Cluster, args: string[]): ExecResult {
  const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });
  const cloud = cluster.cloud;
  const [group, verb, name] = args;
  if (!group || group === 'help' || group === '--help' || group === '-h') return ok(usage);
  if (!cloud.enabled) return fail('cloud: this cluster runs on no cloud (bare metal): there are no load balancers, NAT gateways or public IPs\n');
  const seconds = (ms: number) => `${Math.floor(ms / 1000)}s`;
  if (group === 'lb' && verb === 'list') {
    const rows = [...cloud.loadBalancers.values()].map((lb) => [lb.name, lb.publicIP, lb.listeners.map((l) => `${l.protocol}:${l.port}`).join(','), lb.service]);
    return rows.length ? ok(renderTable(['NAME', 'PUBLIC IP', 'LISTENERS', 'SERVICE'], rows)) : ok('No load balancers.\n');
  }
  if (group === 'lb' && verb === 'describe') {
    const lb = name && cloud.loadBalancers.get(name);
    if (!lb) return fail(`cloud: load balancer "${name ?? ''}" not found\n`);
    const hc = lb.healthCheck;
    const lines = [
      `Name:          ${lb.name}`,
      `Service:       ${lb.service}`,
      `Public IP:     ${lb.publicIP}`,
      `Private IP:    ${lb.address}`,
      'Listeners:',
      ...lb.listeners.map((l) => `  ${l.protocol}:${l.port} -> target group on port ${l.targetPort}`),
      `Health check:  ${hc.protocol}${hc.port ? ` port ${hc.port}` : ' on the target port'}${hc.path ? ` path ${hc.path}` : ''}, every ${seconds(hc.intervalMs)}, healthy after ${hc.healthyThreshold}, unhealthy after ${hc.unhealthyThreshold}`,
      'Targets:',
      renderTable(['INSTANCE', 'ADDRESS', 'HEALTH', 'REASON'], lb.targets.map((t) => [t.node, t.ip, t.health, t.reason]))
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    ];
    return ok(`${lines.join('\n')}\n`);
  }
  if (group === 'nat' && verb === 'list') {
    const nat = cloud.natGateway;
    return nat ? ok(renderTable(['NAME', 'PRIVATE IP', 'PUBLIC IP'], [[nat.name, nat.address, nat.publicIP]])) : ok('No NAT gateways.\n');
  }
  if (group === 'ip' && verb === 'list') {
    const rows = [...cloud.publicIPs].map(([ip, owner]) => [ip, owner]);
    return rows.length ? ok(renderTable(['PUBLIC IP', 'ATTACHED TO'], rows)) : ok('No public IPs.\n');
  }
  if (group === 'calls') {
    return ok(renderTable(['TIME', 'CALLER', 'CALL'], cloud.calls.map((c) => [seconds(c.at), c.caller, c.call])));
  }
  return fail(`cloud: unknown command "${args.join(' ')}"\n\n${usage}`, 2);
}
