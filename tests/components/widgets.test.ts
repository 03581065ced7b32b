/** The widget registry: every entry has a unique id and computes its build-time props from its own scenario. */
import { expect, test } from 'vitest';
import { widgets } from '../../components/widgets';

test('every widget has a unique id and builds its first view from its default scenario', async () => {
  expect(new Set(widgets.map((w) => w.id)).size).toBe(widgets.length);
  for (const w of widgets) {
    expect(w.id).toMatch(/^[a-z][a-z-]*$/);
    const props = await w.props(w.scenario);
    expect(props.title, w.id).toBe(w.title);
    if ('applyErrors' in props) expect(props.applyErrors, w.id).toEqual([]);
  }
});
