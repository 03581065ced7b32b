/**
 * The share-link codec: what a widget encodes comes back identical, and whatever a stranger puts
 * in a URL gives either a valid scenario or an error message, never an exception.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { base64urlnopad } from '@scure/base';
import { deflateSync, strToU8 } from 'fflate';
import { encodeSharedScenario } from '../../components/share/encode-scenario';
import { decodeSharedScenario, shareLimits, type SharedScenarioData } from '../../components/share/shared-scenario';
import { courseClusters } from '../../components/scenarios/clusters';

const web: SharedScenarioData = {
  manifests: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  source: 'web.yaml',
  seed: 7,
  namespace: 'default',
  actions: [
    { at: 1200, command: 'kubectl scale deployment web --replicas=5' },
    { at: 4000, command: 'kubectl delete pod web-abc --wait=false' },
  ],
  time: 9000,
};

/** Encodes any JSON value the way the codec does, to forge links. */
const forge = (value: unknown) => base64urlnopad.encode(deflateSync(strToU8(JSON.stringify(value))));

const arbScenario: fc.Arbitrary<SharedScenarioData> = fc
  .record({
    manifests: fc.string({ maxLength: 400 }),
    source: fc.constantFrom('web.yaml', 'my-app.yml', 'a_b.c.yaml'),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    namespace: fc.constantFrom('default', 'kube-system', 'team-a'),
    times: fc.array(fc.integer({ min: 0, max: shareLimits.timeMs }), { maxLength: 20 }),
    commands: fc.array(fc.string({ minLength: 1, maxLength: 80 }), { minLength: 20, maxLength: 20 }),
    time: fc.integer({ min: 0, max: shareLimits.timeMs }),
  })
  .map(({ times, commands, ...rest }) => ({
    ...rest,
    actions: [...times].sort((a, b) => a - b).map((at, i) => ({ at, command: commands[i] })),
  }));

describe('a share link round trip', () => {
  test('gives back exactly the scenario that was encoded', () => {
    fc.assert(
      fc.property(arbScenario, (scenario) => {
        const decoded = decodeSharedScenario(encodeSharedScenario('reconcile', scenario));
        expect(decoded).toEqual({ ok: true, value: { v: 1, widget: 'reconcile', scenario } });
      }),
    );
  });

  test('uses only characters a URL carries unescaped', () => {
    expect(encodeSharedScenario('reconcile', web)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('an untrusted link', () => {
  test('any text at all decodes to a scenario or an error, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = decodeSharedScenario(text);
        expect(result.ok ? typeof result.value.widget : typeof result.error).toBe('string');
      }),
    );
  });

  test('any JSON at all, correctly compressed, decodes to a scenario or an error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodeSharedScenario(forge(value));
        expect(result.ok).toBe(false);
      }),
    );
  });

  test('a link longer than the limit is refused before it is decoded', () => {
    const result = decodeSharedScenario('A'.repeat(shareLimits.encodedChars + 1));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/at most 48000 are accepted/) });
  });

  test('a small link that inflates into a huge text (a zip bomb) is refused', () => {
    const bomb = base64urlnopad.encode(deflateSync(new Uint8Array(20 * 1024 * 1024).fill(32)));
    expect(bomb.length).toBeLessThan(shareLimits.encodedChars);
    expect(decodeSharedScenario(bomb)).toEqual({ ok: false, error: expect.stringMatching(/at most 256 KiB/) });
  });

  test('a link cut short says so', () => {
    const full = encodeSharedScenario('reconcile', web);
    expect(decodeSharedScenario(full.slice(0, full.length >> 1)).ok).toBe(false);
    expect(decodeSharedScenario('not base64!').ok).toBe(false);
    expect(decodeSharedScenario('').ok).toBe(false);
  });

  test('unknown fields, a later format and out-of-range values are named in the error', () => {
    const value = { v: 1, widget: 'reconcile', scenario: web };
    expect(decodeSharedScenario(forge({ ...value, onload: '<script>' }))).toEqual({ ok: false, error: expect.stringMatching(/unknown field\(s\) "onload"/) });
    expect(decodeSharedScenario(forge({ ...value, v: 2 }))).toEqual({ ok: false, error: expect.stringMatching(/format version 2/) });
    expect(decodeSharedScenario(forge({ ...value, scenario: { ...web, seed: -1 } }))).toEqual({ ok: false, error: expect.stringMatching(/^The shared scenario is not valid: scenario\.seed: /) });
    expect(decodeSharedScenario(forge({ ...value, scenario: { ...web, source: '../../etc/passwd' } })).ok).toBe(false);
    expect(decodeSharedScenario(forge({ ...value, widget: '<img src=x onerror=alert(1)>' })).ok).toBe(false);
    expect(decodeSharedScenario(forge({ ...value, scenario: { ...web, namespace: 'Not_A_Label' } })).ok).toBe(false);
  });

  test('too many actions, too long a command, too much YAML or time out of order are refused', () => {
    const value = (scenario: SharedScenarioData) => decodeSharedScenario(forge({ v: 1, widget: 'reconcile', scenario }));
    const many = Array.from({ length: shareLimits.actions + 1 }, (_, i) => ({ at: i, command: 'kubectl get pods' }));
    expect(value({ ...web, actions: many }).ok).toBe(false);
    expect(value({ ...web, actions: [{ at: 0, command: 'x'.repeat(shareLimits.commandChars + 1) }] }).ok).toBe(false);
    expect(value({ ...web, manifests: '#'.repeat(shareLimits.manifestChars + 1) }).ok).toBe(false);
    expect(value({ ...web, time: shareLimits.timeMs + 1 }).ok).toBe(false);
    expect(value({ ...web, actions: [...web.actions].reverse() })).toEqual({ ok: false, error: expect.stringMatching(/not in time order/) });
  });
});

test('a scenario with a cluster config and files saved by the editor comes back whole; too many files do not', () => {
  const scenario: SharedScenarioData = {
    ...web,
    clusterConfig: courseClusters['private-nat'],
    actions: [{ at: 100, command: 'kubectl apply -f policy.yaml', files: { 'policy.yaml': 'kind: NetworkPolicy\n' } }],
  };
  expect(decodeSharedScenario(encodeSharedScenario('reachability', scenario))).toEqual({ ok: true, value: { v: 1, widget: 'reachability', scenario } });
  const files = Object.fromEntries(Array.from({ length: shareLimits.filesPerAction + 1 }, (_, i) => [`f${i}.yaml`, '']));
  expect(decodeSharedScenario(forge({ v: 1, widget: 'reachability', scenario: { ...web, actions: [{ at: 0, command: 'x', files }] } })).ok).toBe(false);
  expect(decodeSharedScenario(forge({ v: 1, widget: 'reachability', scenario: { ...web, actions: [{ at: 0, command: 'x', files: { '../x.yaml': '' } }] } })).ok).toBe(false);
});

test('a cluster config that is not one of the course\'s clusters is refused, by name of the ones accepted', () => {
  const withConfig = (clusterConfig: string) => decodeSharedScenario(encodeSharedScenario('egress-nat-gateway', { ...web, clusterConfig }));
  for (const yaml of Object.values(courseClusters)) expect(withConfig(yaml).ok).toBe(true);
  const refused = { ok: false, error: expect.stringMatching(/a cluster this site does not know: .*\(default, private-nat, private-no-nat, bare-metal, two-zones-flannel\)\.$/) };
  // A config the engine would accept, but with many nodes: a stranger's URL may not ask for it.
  const nodes = Array.from({ length: 500 }, (_, i) => `  - {name: n${i}, ip: 10.0.${i >> 8}.${i & 255}}`).join('\n');
  expect(withConfig(`name: big\nnodes:\n${nodes}\n`)).toEqual(refused);
  expect(withConfig(`${courseClusters['bare-metal']}# edited\n`)).toEqual(refused);
  expect(withConfig('')).toEqual(refused);
});
