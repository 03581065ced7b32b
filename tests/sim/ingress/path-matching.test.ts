import { describe, expect, it } from 'vitest';
import { locationFor, matchLocation, type NginxLocation } from '../../../sim/addons/ingress/nginx-location';

/** The locations of one host, as the controller writes them from `paths` (path, pathType). */
function host(...paths: [string, 'Exact' | 'Prefix' | 'ImplementationSpecific'][]): NginxLocation<string>[] {
  return paths.map(([path, type]) => locationFor(path, type, `${type} ${path}`));
}
const route = (locations: NginxLocation<string>[], uri: string) => matchLocation(locations, uri)?.target ?? '404';

/**
 * Precedence as the Ingress documentation states it (kubernetes.io/docs/concepts/services-networking/ingress,
 * "Multiple matches": the longest matching path wins, and an Exact path wins over a Prefix of the same
 * length) and the rows of its "Examples" table, with nginx's location rules where the controller differs.
 */
describe('Ingress path matching (nginx locations)', () => {
  it('the longest matching prefix wins', () => {
    const locations = host(['/', 'Prefix'], ['/aaa', 'Prefix'], ['/aaa/bbb', 'Prefix']);
    expect(route(locations, '/aaa/bbb/ccc')).toBe('Prefix /aaa/bbb');
    expect(route(locations, '/aaa/ccc')).toBe('Prefix /aaa');
    expect(route(locations, '/ccc')).toBe('Prefix /');
  });

  it('Exact wins over a Prefix of the same path, and matches that path only', () => {
    const locations = host(['/foo', 'Prefix'], ['/foo', 'Exact']);
    expect(route(locations, '/foo')).toBe('Exact /foo');
    expect(route(locations, '/foo/')).toBe('Prefix /foo');
    expect(route(locations, '/foo/bar')).toBe('Prefix /foo');
  });

  it('Exact matches case-sensitively, trailing slash included (table rows: Exact /foo vs /bar, /foo/)', () => {
    const locations = host(['/foo', 'Exact']);
    expect(route(locations, '/foo')).toBe('Exact /foo');
    expect(route(locations, '/bar')).toBe('404');
    expect(route(locations, '/foo/')).toBe('404');
    expect(route(locations, '/FOO')).toBe('404');
  });

  it('the table rows where a Prefix path matches by elements agree with nginx', () => {
    expect(route(host(['/', 'Prefix']), '/anything')).toBe('Prefix /');
    expect(route(host(['/foo', 'Prefix']), '/foo')).toBe('Prefix /foo');
    expect(route(host(['/foo', 'Prefix']), '/foo/')).toBe('Prefix /foo');
    expect(route(host(['/foo/', 'Prefix']), '/foo/')).toBe('Prefix /foo/');
    expect(route(host(['/aaa/bb', 'Prefix']), '/aaa/bbb')).toBe('Prefix /aaa/bb'); // nginx: characters, the spec: no match
    expect(route(host(['/aaa/bbb', 'Prefix']), '/aaa/bbb/')).toBe('Prefix /aaa/bbb');
    expect(route(host(['/aaa/bbb', 'Prefix']), '/aaa/bbbxyz')).toBe('Prefix /aaa/bbb'); // nginx: characters, the spec: no match
  });

  it('a Prefix does not match a shorter path (table row: Prefix /foo/ vs /foo)', () => {
    expect(route(host(['/foo/', 'Prefix']), '/foo')).toBe('404');
  });

  it('an Exact /foo and a Prefix / route /foo and everything else apart (table row: mixed)', () => {
    const locations = host(['/foo', 'Exact'], ['/', 'Prefix']);
    expect(route(locations, '/foo')).toBe('Exact /foo');
    expect(route(locations, '/foo/bar')).toBe('Prefix /');
  });

  it('ImplementationSpecific is a plain nginx prefix; an empty path is /', () => {
    expect(route(host(['/api', 'ImplementationSpecific']), '/api/v1')).toBe('ImplementationSpecific /api');
    expect(matchLocation([locationFor(undefined, 'ImplementationSpecific', 'x')], '/z')?.path).toBe('/');
  });
});
