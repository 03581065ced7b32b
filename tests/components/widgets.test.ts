/** The widget registry: every entry has a unique id and computes its build-time props from its own scenario, whose manifests apply. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { widgets, widgetById } from '../../components/widgets';
import { readChapters } from '../../src/course/chapters';

// Boots a cluster per widget (over 30): seconds of CPU, more on a busy machine, hence the minute.
test('every widget has a unique id and builds its first view from its default scenario', async () => {
  expect(new Set(widgets.map((w) => w.id)).size).toBe(widgets.length);
  for (const w of widgets) {
    expect(w.id).toMatch(/^[a-z][a-z-]*$/);
    const props = await w.props(w.scenario);
    // The manifests applied cleanly (the errors sit beside the first view, or in it).
    const initial = props.initial as { applyErrors?: string[] } | undefined;
    expect(props.applyErrors ?? initial?.applyErrors ?? [], w.id).toEqual([]);
  }
}, 60_000);

test('every live widget of a Part 2 chapter comes from the registry, so it has Share, Embed and an embed page', () => {
  const content = new URL('../../content/', import.meta.url);
  const part2 = readChapters(content).filter((c) => c.part.startsWith('Part 2'));
  expect(part2.map((c) => c.slug)).toEqual(expect.arrayContaining(['nodeport', 'load-balancer', 'egress', 'ingress']));
  for (const { slug } of part2) {
    const text = readFileSync(new URL(`${slug}.mdx`, content), 'utf8');
    // LiveWidget.astro and its one-panel presets take a scenario of the chapter's own, with no registry id.
    expect(text, slug).not.toMatch(/<(LiveWidget|ClusterMap|Console|PacketTrace|EndpointsView|RulesView|BalanceChart)\b/);
    for (const [, id] of text.matchAll(/<RegisteredWidget id="([^"]+)"/g)) expect(widgetById(id)?.live, `${slug}: ${id}`).toBe(true);
  }
});

test('the egress and bare-metal widgets carry their cluster in their scenario, for the embed page and a share link', async () => {
  expect(widgetById('egress-nat-gateway')!.scenario.clusterConfig).toMatch(/natGateway: true/);
  expect(widgetById('egress-no-nat')!.scenario.clusterConfig).toMatch(/natGateway: false/);
  expect(widgetById('bare-metal')!.scenario.clusterConfig).toMatch(/provider: none/);
  expect(widgetById('egress-node-snat')!.scenario.clusterConfig).toBeUndefined();
  // The first view is built on that cluster: the bare-metal map shows its machines.
  const bareMetal = widgetById('bare-metal')!;
  expect(JSON.stringify((await bareMetal.props(bareMetal.scenario)).initial)).toContain('metal-1');
});
