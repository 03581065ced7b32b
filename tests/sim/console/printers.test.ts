import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../sim/api/types';
import { humanDuration, rfc1123z } from '../../../sim/console/printers/age';
import { podSummary } from '../../../sim/console/printers/pod';
import { renderTable } from '../../../sim/console/printers/table';
import { describeOptions, tabwrite } from '../../../sim/console/printers/tabwriter';

describe('tabwriter (Go text/tabwriter as kubectl configures it)', () => {
  it('pads every column but the last with three spaces, at least six wide', () => {
    expect(renderTable(['Name', 'Age'], [['web', '5s'], ['a-much-longer-name', '10m']])).toBe(
      'NAME                 AGE\nweb                  5s\na-much-longer-name   10m\n',
    );
    expect(renderTable(['A', 'B'], [['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('restarts alignment after a line with fewer cells, as describe relies on', () => {
    const text = 'Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\n';
    expect(tabwrite(text, describeOptions)).toBe('Name:             web\nService Account:  default\nIPs:\n  IP:  10.0.0.1\n');
  });
});

describe('AGE (apimachinery duration.HumanDuration)', () => {
  it.each([
    [0, '0s'], [119_000, '119s'], [125_000, '2m5s'], [600_000, '10m'], [3 * 3600_000 + 20 * 60_000, '3h20m'],
    [47 * 3600_000, '47h'], [50 * 3600_000, '2d2h'], [10 * 86400_000, '10d'], [-500, '0s'], [-5000, '<invalid>'],
  ])('%d ms is %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

  it('prints instants as Go RFC1123Z', () => {
    expect(rfc1123z('2026-01-01T00:00:05Z')).toBe('Thu, 01 Jan 2026 00:00:05 +0000');
  });
});

const now = Date.parse('2026-01-01T00:10:00Z');
function pod(status: Pod['status'], deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z', ...(deleting ? { deletionTimestamp: '2026-01-01T00:10:30Z' } : {}) },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
    status,
  };
}
const running = { running: { startedAt: '2026-01-01T00:00:02Z' } };

describe('pod STATUS, READY and RESTARTS (printers.go printPod)', () => {
  it('shows the waiting reason of a container being created', () => {
    const p = pod({ phase: 'Pending', containerStatuses: [{ name: 'web', image: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }] });
    expect(podSummary(p, { nowMs: now })).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
  });

  it('counts restarts with the time since the last one', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [{ name: 'web', image: 'nginx', ready: true, restartCount: 2, state: running, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:09:45Z' } } }],
    });
    expect(podSummary(p, { nowMs: now })).toEqual({ ready: '1/1', status: 'Running', restarts: '2 (15s ago)' });
  });

  it('shows CrashLoopBackOff, and Terminating once deletion started', () => {
    const crash = pod({ phase: 'Running', containerStatuses: [{ name: 'web', image: 'nginx', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: {} }] });
    expect(podSummary(crash, { nowMs: now }).status).toBe('CrashLoopBackOff');
    const going = pod({ phase: 'Running', containerStatuses: [{ name: 'web', image: 'nginx', ready: true, restartCount: 0, state: running, lastState: {} }] }, true);
    expect(podSummary(going, { nowMs: now }).status).toBe('Terminating');
  });

  it('shows Completed and Error from a terminated container', () => {
    const done = pod({ phase: 'Succeeded', containerStatuses: [{ name: 'web', image: 'nginx', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: {} }] });
    expect(podSummary(done, { nowMs: now }).status).toBe('Completed');
    const failed = pod({ phase: 'Failed', containerStatuses: [{ name: 'web', image: 'nginx', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } }, lastState: {} }] });
    expect(podSummary(failed, { nowMs: now }).status).toBe('Error');
  });
});
