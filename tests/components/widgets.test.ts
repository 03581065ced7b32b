/** The widget registry: every entry has a unique id and computes its build-time props from its own scenario, whose manifests apply. */
import { expect, test } from 'vitest';
import { widgets } from '../../components/widgets';

test('every widget has a unique id and builds its first view from its default scenario', async () => {
  expect(new Set(widgets.map((w) => w.id)).size).toBe(widgets.length);
  for (const w of widgets) {
    expect(w.id).toMatch(/^[a-z][a-z-]*$/);
    const props = await w.props(w.scenario);
    // The manifests applied cleanly (the errors sit beside the first view, or in it).
    const initial = props.initial as { applyErrors?: string[] } | undefined;
    expect(props.applyErrors ?? initial?.applyErrors ?? [], w.id).toEqual([]);
  }
});
