import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ConfigMap } from '../../api/types';
import type { DnsResponse } from './message';
import type { ProgramContext } from '../../node/programs';
import { flag, mainPrograms, type MainProgram } from '../../node/main-programs';
import type { ProcessRun } from '../../shell/interpreter';
import { parseImageRef } from '../../node/images';
import { answerFromStore, upstreamNxdomain } from './coredns-kubernetes';
import { localPortRange } from '../../net/dataplane';
import { queryLogLine, type LoggedQuery } from './coredns-log';
import { plainClient } from './wire';

/**
 * CoreDNS as a container's main process (`/coredns -conf /etc/coredns/Corefile`): it reads its
 * Corefile, prints what CoreDNS 1.12 prints at start, answers DNS on port 53 (the kubernetes
 * plugin, see coredns-kubernetes.ts) and, while the Corefile has the `log` plugin, writes one line
 * per query to its log (of the response classes its `class` option names). Its `reload` plugin reads the Corefile again every 30 s and, when it
 * changed, reloads with the lines CoreDNS prints for that.
 *
 * The Corefile is the `coredns` ConfigMap's, which kubeadm mounts at /etc/coredns: the kubelet's
 * refresh of the mounted file is taken as immediate, so a change shows within one reload interval.
 * The interval is the plugin's default, 30 s, without its ±7.5 s jitter (a random draw per
 * instance; left out so that runs stay reproducible).
 * Sources: coredns.io/plugins/reload (default INTERVAL 30s, JITTER 15s; SHA512 of the Corefile),
 * coredns.io/plugins/log, coredns/coredns coremain/run.go (the version lines), and the logs of a
 * kubeadm cluster (`.:53`, `CoreDNS-1.12.1`, `linux/amd64, go1.24.1, 707c7c1`).
 */
export const reloadIntervalMs = 30_000;

/** The Go version and commit that CoreDNS 1.12.1's release binary prints under its version. */
const buildLine = 'linux/amd64, go1.24.1, 707c7c1';

/**
 * The Corefile as the `coredns` ConfigMap holds it; undefined when there is no such ConfigMap (the
 * kubelet then leaves the mounted file as it was).
 */
function readCorefile(ctx: ProgramContext): string | undefined {
  const cm = ctx.cluster.store.get<ConfigMap>('ConfigMap', 'kube-system', 'coredns');
  return cm && (cm.data?.Corefile ?? '');
}

/** The plugins of the Corefile's server blocks: the first word of each line one brace deep. */
function plugins(corefile: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const raw of corefile.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (depth === 1 && line && !line.startsWith('}')) names.push(line.split(/[\s{]/)[0]);
    depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
  }
  return names;
}

/**
 * What the running configuration does that the simulator shows: whether the kubernetes plugin
 * answers the cluster zone (without it every name goes to `forward`), logging, and the lameduck
 * pause its health plugin takes on reload.
 */
interface RunningConfig {
  sha512: string;
  kubernetes: boolean;
  /** The response classes the log plugin writes (its `class` option; all by default); empty without the plugin. */
  log: ResponseClass[];
  lameduck?: string;
}

/** The log plugin's response classes (plugin/pkg/response Classify): success, denial (NXDOMAIN or no record), error. */
type ResponseClass = 'success' | 'denial' | 'error';

function classify(r: DnsResponse): ResponseClass {
  return r.rcode === 'NOERROR' && r.answers.length ? 'success' : 'denial';
}

/** The classes `log [NAMES] { class CLASSES… }` asks for: `all` or none given is every class. */
function logClasses(corefile: string): ResponseClass[] {
  const block = /^\s*log\b[^{\n]*\{([^}]*)\}/m.exec(corefile)?.[1] ?? '';
  const wanted = /^\s*class\s+(.+)$/m.exec(block)?.[1].trim().split(/\s+/) ?? ['all'];
  const all: ResponseClass[] = ['success', 'denial', 'error'];
  return wanted.includes('all') ? all : all.filter((c) => wanted.includes(c));
}

function configure(corefile: string): RunningConfig {
  const lameduck = /^\s*lameduck\s+(\S+)/m.exec(corefile)?.[1];
  const names = plugins(corefile);
  const log = names.includes('log') ? logClasses(corefile) : [];
  return { sha512: bytesToHex(sha512(new TextEncoder().encode(corefile))), kubernetes: names.includes('kubernetes'), log, ...(lameduck ? { lameduck } : {}) };
}

/**
 * The query the `loop` plugin sends itself at start (`HINFO <random>.<random>.`, answered NXDOMAIN
 * by the upstream), logged when `log` is on. Its numbers come from the configuration's hash, not
 * from a random draw.
 */
function loopProbe(config: RunningConfig, nowMs: number): string {
  const n = (i: number) => BigInt(`0x${config.sha512.slice(i, i + 15)}`).toString();
  const name = `${n(0)}.${n(16)}`;
  const port = localPortRange[0] + (parseInt(config.sha512.slice(36, 40), 16) % (localPortRange[1] - localPortRange[0] + 1));
  const q: LoggedQuery = { question: { name, type: 'HINFO' }, client: plainClient, id: parseInt(config.sha512.slice(32, 36), 16), peer: { ip: '127.0.0.1', port } };
  return queryLogLine(q, upstreamNxdomain(nowMs));
}

export const coredns: MainProgram = (args, ctx, write = () => {}) => {
  const dnsPort = flag(args, 'dns.port') ?? '53';
  const withCorefile = flag(args, 'conf') !== undefined;
  const version = parseImageRef(ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image ?? '').tag.replace(/^v/, '');
  return (function* (): ProcessRun {
    let corefile = readCorefile(ctx) ?? '';
    let config = configure(corefile);
    const now = () => ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
    write(`.:${dnsPort}\n[INFO] plugin/reload: Running configuration SHA512 = ${config.sha512}\nCoreDNS-${version}\n${buildLine}\n`, '');
    if (config.log.includes('denial')) write(`${loopProbe(config, now())}\n`, '');
    const zone = ctx.cluster.config.clusterDomain;
    yield {
      kind: 'listen',
      server: {
        sockets: [`UDP/${dnsPort}`, `TCP/${dnsPort}`, ...(withCorefile ? ['TCP/8080', 'TCP/8181', 'TCP/9153'] : [])],
        dns: {
          answer: (query) => {
            const response = config.kubernetes ? answerFromStore(ctx.cluster.store, zone, query.question, now()) : upstreamNxdomain(now());
            if (config.log.includes(classify(response))) write(`${queryLogLine(query, response)}\n`, '');
            return response;
          },
        },
      },
    };
    for (;;) {
      yield { kind: 'sleep', ms: reloadIntervalMs };
      const next = readCorefile(ctx);
      if (next === undefined || next === corefile) continue;
      const old = config;
      corefile = next;
      config = configure(next);
      let lines = '[INFO] Reloading\n';
      if (old.lameduck) lines += `[INFO] plugin/health: Going into lameduck mode for ${old.lameduck}\n`;
      if (config.log.includes('denial')) lines += `${loopProbe(config, now())}\n`;
      write(`${lines}[INFO] plugin/reload: Running configuration SHA512 = ${config.sha512}\n[INFO] Reloading complete\n`, '');
    }
  })();
};

mainPrograms.set('coredns', coredns);
