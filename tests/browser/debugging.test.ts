/**
 * The chapter "Debugging" in real Chromium: every puzzle solved as a reader would (the Console and
 * the manifest editor), after a plausible wrong fix that leaves the goal unmet; the hints appear
 * one checklist step at a time.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPageForTests } from './harness';

const chapter = openPageForTests('debugging/');

const webYaml = (name: string) => readFileSync(`sim/scenarios/debugging/${name}/web.yaml`, 'utf8');

/** A reader's move: a console command, or an edited web.yaml applied from the editor. */
type Move = { command: string } | { edit: (yaml: string) => string };

const goal = (w: Locator) => w.getByRole('status', { name: /^Goal: / });

async function hydrated(w: Locator): Promise<void> {
  await w.scrollIntoViewIfNeeded();
  await expect.poll(() => w.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  // The first check has run: the goal says how far it got.
  await expect.poll(() => goal(w).getByText(/^Not yet: /).count(), { timeout: 10_000 }).toBe(1);
}

async function console_(w: Locator, command: string): Promise<void> {
  const line = w.getByRole('textbox', { name: 'Command' });
  await line.fill(command);
  await line.press('Enter');
  await expect.poll(() => w.getByRole('log', { name: 'Console output' }).textContent()).toContain(`$ ${command}`);
}

async function make(w: Locator, name: string, move: Move): Promise<void> {
  if ('command' in move) return console_(w, move.command);
  const open = w.getByRole('button', { name: 'Edit YAML' });
  if (await open.count()) await open.click();
  const box = w.getByRole('textbox', { name: 'YAML of web.yaml' });
  await expect.poll(() => box.count(), { timeout: 10_000 }).toBe(1);
  await box.click();
  await chapter.page.keyboard.press('ControlOrMeta+a');
  await chapter.page.keyboard.insertText(move.edit(webYaml(name)));
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => w.getByLabel('kubectl apply -f web.yaml').count()).toBe(1);
}

/** Lets a minute of virtual time pass, as a reader typing sleep would, and lets the check run. */
async function aMinuteLater(w: Locator): Promise<void> {
  await console_(w, 'sleep 60');
  await chapter.page.waitForTimeout(600);
}

interface Case {
  name: string;
  title: string;
  hints: number;
  wrong: Move;
  fix: Move;
  said: RegExp;
}

const restart = { command: 'kubectl rollout restart deployment web' };
const cases: Case[] = [
  { name: 'selector-typo', title: 'Nobody answers at web', hints: 3, wrong: restart, fix: { edit: (y) => y.replace('app: wbe', 'app: web') }, said: /selector said app=wbe/ },
  {
    name: 'target-port',
    title: 'Refused, with endpoints',
    hints: 4,
    wrong: { edit: (y) => y.replace('  - port: 80\n', '  - port: 8080\n') },
    fix: { edit: (y) => y.replace('targetPort: 8080', 'targetPort: 80') },
    said: /targetPort was 8080/,
  },
  {
    name: 'never-ready',
    title: 'Running, but never Ready',
    hints: 5,
    wrong: { edit: (y) => y.replace('periodSeconds: 5', 'periodSeconds: 1') },
    fix: { edit: (y) => y.replace('port: 8080', 'port: 80') },
    said: /readiness probe asked for port 8080/,
  },
  { name: 'scaled-to-zero', title: 'The empty Service', hints: 3, wrong: restart, fix: { command: 'kubectl scale deployment web --replicas=3' }, said: /asked for 0 replicas/ },
  { name: 'kube-proxy-stopped', title: 'Stale rules on one node', hints: 6, wrong: restart, fix: { command: 'sim start kube-proxy node-2' }, said: /kube-proxy on node-2 had stopped/ },
  {
    name: 'policy-blocks',
    title: 'Only the frontend may enter',
    hints: 7,
    wrong: { command: 'kubectl delete networkpolicy web-allow-frontend' },
    fix: { command: 'kubectl label pod client role=frontend' },
    said: /Deleting the policy would let intruder in too/,
  },
  {
    name: 'dns-namespace',
    title: 'The name that resolves to nothing',
    hints: 2,
    wrong: { edit: (y) => y.replace('value: http://web', 'value: http://web.backend.cluster.local') },
    fix: { edit: (y) => y.replace('value: http://web', 'value: http://web.backend') },
    said: /tried web.shop.svc.cluster.local first/,
  },
];

for (const c of cases) {
  test(`puzzle ${c.name}: a wrong fix leaves it broken, the fix solves it`, async () => {
    const w = chapter.page.getByRole('figure', { name: `Puzzle: ${c.title}` });
    await hydrated(w);

    // Hints: one checklist step per click, then the puzzle's own last hint.
    const hints = w.getByRole('group', { name: 'Hints', exact: true }).getByRole('listitem');
    for (let n = 1; n <= c.hints; n++) {
      await w.getByRole('button', { name: /hint/ }).click();
      expect(await hints.count()).toBe(n);
    }
    expect(await w.getByRole('button', { name: /hint/ }).count()).toBe(0);
    expect(await hints.last().textContent()).toMatch(/^Last hint/);

    await make(w, c.name, c.wrong);
    await aMinuteLater(w);
    expect(await goal(w).getByText(/^Not yet: /).count()).toBe(1);
    expect(await goal(w).getByText(/^Solved at/).count()).toBe(0);

    await w.getByRole('button', { name: 'Reset' }).first().click();
    await hydrated(w);
    await make(w, c.name, c.fix);
    await aMinuteLater(w);
    await expect.poll(() => goal(w).getByText(/^Solved at t = \d+ s: 50 of 50 succeeded\.$/).count(), { timeout: 10_000 }).toBe(1);
    expect(await goal(w).getByText(c.said).count()).toBe(1);
  });
}

test('no console errors, nothing requested off the site', () => {
  expect(chapter.problems).toEqual([]);
});
