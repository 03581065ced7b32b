/**
 * Keeps a view object while what it holds stays the same. A panel recomputes its view on every
 * cluster change, and most changes (a console line of curls, a probe that passed again) leave it
 * as it was: handing back the previous object then lets Svelte skip everything drawn from it
 * (a `$derived` that returns the same object notifies nothing downstream). Views are plain data,
 * so their JSON is what they hold.
 */
export function keepSame<T>(): (next: T) => T {
  let kept: { json: string; view: T } | undefined;
  return (next) => {
    const json = JSON.stringify(next);
    if (kept?.json !== json) kept = { json, view: next };
    return kept.view;
  };
}
