import type { PodTemplateSpec } from '../api/types';

/**
 * The `pod-template-hash` a Deployment gives each of its ReplicaSets: the name suffix in
 * `web-7d4b9c8f6d` and a label on the ReplicaSet and its Pods.
 *
 * Upstream (pkg/controller/controller_utils.go ComputeHash) runs FNV-1a 32 over the template as
 * go-spew prints the Go struct, appends the collision count, prints the sum in decimal and maps each
 * digit through apimachinery's SafeEncodeString (k8s.io/apimachinery/pkg/util/rand): character code
 * modulo 27 into "bcdfghjklmnpqrstvwxz2456789", so the digits 0-9 become 4 5 6 7 8 9 b c d f.
 * We hash the template's canonical JSON (keys sorted) instead of Go's spew output, which only a Go
 * program can reproduce: same shape of hash, same alphabet, not the same value as a real cluster.
 * The empty `securityContext` and `resources` the API server adds are left out of what is hashed,
 * so the course's Pod names stay those it has always shown.
 */
export function computeHash(template: PodTemplateSpec, collisionCount = 0): string {
  // A stored template is frozen: its hash never changes, and the controller asks at every sync.
  if (collisionCount || !Object.isFrozen(template)) return hashOf(template, collisionCount);
  let hash = storedTemplateHashes.get(template);
  if (hash === undefined) storedTemplateHashes.set(template, (hash = hashOf(template, 0)));
  return hash;
}

const storedTemplateHashes = new WeakMap<PodTemplateSpec, string>();

function hashOf(template: PodTemplateSpec, collisionCount: number): string {
  let text = canonicalJson(withoutEmptyDefaults(template));
  if (collisionCount) text += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}

const isEmpty = (value: unknown) => !!value && typeof value === 'object' && Object.keys(value).length === 0;

/** The template without an empty `spec.securityContext` and its containers' empty `resources`. */
function withoutEmptyDefaults(template: PodTemplateSpec): PodTemplateSpec {
  const spec = template.spec;
  if (!spec) return template;
  const { securityContext, ...rest } = spec;
  const containers = spec.containers?.map(({ resources, ...c }) => (isEmpty(resources) ? c : { ...c, resources }));
  return { ...template, spec: { ...rest, ...(isEmpty(securityContext) ? {} : { securityContext }), ...(containers ? { containers } : {}) } };
}

/** FNV-1a, 32-bit, over the UTF-16 code units of `text` (the offset basis and prime of the spec). */
function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const alphanums = 'bcdfghjklmnpqrstvwxz2456789';

function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += alphanums[ch.codePointAt(0)! % alphanums.length];
  return out;
}

/**
 * JSON with object keys sorted, so that two equal templates print the same whatever their key
 * order: what `JSON.stringify` prints for the value with every object's keys sorted, written
 * directly instead of through a replacer that sorts a copy of every object.
 */
export function canonicalJson(value: object): string {
  return writeCanonical(value)!;
}

/** One value as JSON.stringify prints it; undefined for what it leaves out (undefined, functions). */
function writeCanonical(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (writeCanonical(value[i]) ?? 'null');
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(obj)) {
    const text = writeCanonical(obj[key]);
    if (text !== undefined) out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + text;
  }
  return out + '}';
}

/**
 * The keys in the order a sorted copy of the object would list them: JavaScript lists integer
 * keys ("0", "7") first, in numeric order, whatever order they were added in; then the others
 * in the (sorted) order they were added. Object.keys gives the integer keys first already.
 */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  let integers = 0;
  while (integers < keys.length && isArrayIndex(keys[integers])) integers++;
  return integers ? keys.slice(0, integers).concat(keys.slice(integers).sort(byCodeUnits)) : keys.sort(byCodeUnits);
}

const isArrayIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
