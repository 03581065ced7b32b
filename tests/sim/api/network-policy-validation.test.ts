import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';

/** A policy whose one ingress rule is `rule` (YAML, indented under `- `). */
const policy = (rule: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow
spec:
  podSelector: {}
  ingress:
  - ${rule}
`;

/**
 * The API server's causes, each as `The NetworkPolicy "allow" is invalid: CAUSE`, without the
 * position suffix (kubectl prints several causes as `* ` lines under one heading); checks nothing was stored.
 */
function problems(rule: string): string[] {
  const cluster = new Cluster();
  const { lines, errors } = applyManifests(cluster, policy(rule), 'np.yaml');
  expect(lines).toEqual([]);
  expect(cluster.store.list('NetworkPolicy')).toEqual([]);
  const head = 'The NetworkPolicy "allow" is invalid: ';
  const causes = errors.flatMap((e) => (e.startsWith(`${head}\n`) ? e.split('\n').slice(1).map((c) => head + c.slice(2)) : [e]));
  return causes.map((e) => e.replace(/ \(np\.yaml:.*\)$/, ''));
}

const at = 'The NetworkPolicy "allow" is invalid: spec.ingress[0]';

describe('NetworkPolicy validation (pkg/apis/networking/validation)', () => {
  it('accepts selectors together, or an ipBlock with an except inside it', () => {
    for (const rule of ['from: [{podSelector: {}, namespaceSelector: {}}]', 'from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]', 'ports: [{port: 80, endPort: 90}, {port: http}]']) {
      expect(applyManifests(new Cluster(), policy(rule), 'np.yaml').errors).toEqual([]);
    }
  });

  it('a peer must name something', () => {
    expect(problems('from: [{}]')).toEqual([`${at}.from[0]: Required value: must specify a peer`]);
  });

  it('an ipBlock excludes the selectors', () => {
    expect(problems('from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]')).toEqual([`${at}.from[0]: Forbidden: may not specify both ipBlock and another peer`]);
  });

  it('cidr and except must be CIDRs, each except strictly inside cidr', () => {
    expect(problems('from: [{ipBlock: {cidr: 10.0.0.0}}]')).toEqual([`${at}.from[0].ipBlock.cidr: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`]);
    expect(problems('from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8, 192.168.0.0/16, bad]}}]')).toEqual([
      `${at}.from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of \`cidr\``,
      `${at}.from[0].ipBlock.except[1]: Invalid value: "192.168.0.0/16": must be a strict subset of \`cidr\``,
      `${at}.from[0].ipBlock.except[2]: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
    ]);
    expect(problems('from: [{ipBlock: {cidr: ""}}]')).toEqual([`${at}.from[0].ipBlock.cidr: Required value`]);
  });

  it('endPort needs a numeric port no greater than it', () => {
    expect(problems('ports: [{port: 90, endPort: 80}]')).toEqual([`${at}.ports[0].endPort: Invalid value: 80: must be greater than or equal to \`port\``]);
    expect(problems('ports: [{port: http, endPort: 80}]')).toEqual([`${at}.ports[0].endPort: Invalid value: 80: may not be specified when \`port\` is non-numeric`]);
    expect(problems('ports: [{endPort: 80}]')).toEqual([`${at}.ports[0].endPort: Invalid value: 80: may not be specified when \`port\` is not specified`]);
    expect(problems('ports: [{port: 80, endPort: 70000}]')).toEqual([`${at}.ports[0].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive`]);
  });

  it('protocols and named ports', () => {
    expect(problems('ports: [{protocol: ICMP, port: 80}]')).toEqual([`${at}.ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"`]);
    expect(problems('ports: [{port: Web_Port}]')).toEqual([
      `${at}.ports[0].port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
    ]);
    expect(problems('ports: [{port: 80a--}]')).toEqual([
      `${at}.ports[0].port: Invalid value: "80a--": must not contain consecutive hyphens`,
      `${at}.ports[0].port: Invalid value: "80a--": must not begin or end with a hyphen`,
    ]);
  });

  it('reports ports before peers, as the server walks a rule', () => {
    expect(problems('from: [{}]\n    ports: [{port: 0}]')).toEqual([
      `${at}.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      `${at}.from[0]: Required value: must specify a peer`,
    ]);
  });
});
