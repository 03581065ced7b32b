/**
 * A widget's scenario carried in a URL: a share link ("open this and see what I saw") and an embed
 * snippet (a blogger's own manifests, seed and actions) use the same encoding.
 *
 *   JSON of { v, widget, scenario }  →  raw DEFLATE (fflate)  →  base64url without padding
 *
 * The decoder treats its input as hostile: it bounds the encoded size and the inflated size (a
 * small link cannot inflate into a large one), validates the shape and every field's range with a
 * strict schema (unknown keys are refused), accepts a cluster config only when it is one of the
 * course's clusters (components/scenarios/clusters.ts: a config from a URL could ask for any number
 * of nodes), and returns an error message instead of throwing. Its output is plain data: the
 * YAML is applied by the engine like any `kubectl apply`, the commands run in the simulator's
 * console, and nothing from it is ever inserted as HTML.
 *
 * The encoder is ./encode-scenario.ts. This module (and zod with it) is imported only when a URL
 * holds a scenario (shared-for.ts sharedFor): building the schemas at a widget's hydration would
 * cost a phone tens of milliseconds for nothing.
 */
import { base64urlnopad } from '@scure/base';
import { Inflate, strFromU8 } from 'fflate';
import * as z from 'zod/mini';
import type { Scenario } from '../live/scenario';
import { sharedScenarioVersion } from './encode-scenario';
import { courseClusters } from '../scenarios/clusters';

/** Limits on what a URL may carry. Chromium accepts URLs of 2 MB; these keep a link reasonable. */
export const shareLimits = {
  /** Characters of the encoded form. */
  encodedChars: 48_000,
  /** Bytes of JSON once inflated. */
  inflatedBytes: 256 * 1024,
  /** Characters of YAML: as much as a page of manifests, far below what the API server takes. */
  manifestChars: 64 * 1024,
  /** Reader actions replayed. */
  actions: 400,
  /** Characters of one command line. */
  commandChars: 2_000,
  /** Virtual time a scenario may reach: one day, replayed in bounded slices. */
  timeMs: 24 * 60 * 60 * 1000,
  /** Files one action may save (the manifest editor's buffers). */
  filesPerAction: 8,
} as const;

// A namespace is a DNS-1123 label (kubernetes.io/docs/concepts/overview/working-with-objects/names/).
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const virtualInstant = z.number().check(z.int(), z.gte(0), z.lte(shareLimits.timeMs));

const yamlText = z.string().check(z.maxLength(shareLimits.manifestChars));
/** A file name as the console reads it: letters, digits, dots, dashes, underscores. */
const yamlFileName = z.string().check(z.regex(/^[\w.-]{1,64}\.ya?ml$/));

const action = z.strictObject({
  /** Virtual milliseconds since the cluster started. */
  at: virtualInstant,
  /** A console command line, as the reader's click or keystroke ran it. */
  command: z.string().check(z.minLength(1), z.maxLength(shareLimits.commandChars)),
  /** Files saved just before the command (the manifest editor's text), by name. */
  files: z.optional(
    z.record(yamlFileName, yamlText).check(z.refine((files) => Object.keys(files).length <= shareLimits.filesPerAction, `at most ${shareLimits.filesPerAction} files`)),
  ),
});

/** The scenario a live cluster replays: the shape of components/live/scenario.ts's Scenario. */
export const scenarioSchema = z.strictObject({
  manifests: yamlText,
  /** The file name the manifests are applied as. */
  source: yamlFileName,
  /** The cluster's shape (sim/cluster-config.ts): one of the course's clusters, word for word; the default cluster when absent. */
  clusterConfig: z.optional(yamlText),
  seed: z.number().check(z.int(), z.gte(0), z.lte(2 ** 32 - 1)),
  namespace: z.string().check(z.maxLength(63), z.regex(dns1123Label)),
  setup: z.optional(z.array(action).check(z.maxLength(shareLimits.actions))),
  actions: z.array(action).check(z.maxLength(shareLimits.actions)),
  time: virtualInstant,
});

export type SharedScenarioData = z.infer<typeof scenarioSchema>;

// The schema and the kit's Scenario must describe the same data: the type check stops here if they drift.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
true satisfies Same<SharedScenarioData, Scenario>;

const sharedSchema = z.strictObject({
  v: z.literal(sharedScenarioVersion),
  /** The widget's id in the registry (components/widgets.ts): `reconcile`. */
  widget: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,63}$/)),
  scenario: scenarioSchema,
});

/** What a share link or an embed snippet carries. */
export type SharedScenario = z.infer<typeof sharedSchema>;

export type DecodeResult = { ok: true; value: SharedScenario } | { ok: false; error: string };

/** Decodes and validates an encoded scenario from an untrusted URL. Never throws. */
export function decodeSharedScenario(encoded: string): DecodeResult {
  if (encoded.length > shareLimits.encodedChars) {
    return { ok: false, error: `The shared scenario is ${encoded.length} characters long; at most ${shareLimits.encodedChars} are accepted.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(encoded);
  } catch {
    return { ok: false, error: 'The shared scenario is not valid base64url text: was the link cut short?' };
  }
  const json = inflateBounded(bytes, shareLimits.inflatedBytes);
  if (json === undefined) {
    return { ok: false, error: `The shared scenario does not decompress to at most ${shareLimits.inflatedBytes / 1024} KiB of text.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The shared scenario is not valid JSON once decompressed.' };
  }
  if (typeof data === 'object' && data !== null && 'v' in data && data.v !== sharedScenarioVersion) {
    return { ok: false, error: `The shared scenario has format version ${String(data.v)}; this site reads version ${sharedScenarioVersion}.` };
  }
  const parsed = sharedSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `The shared scenario is not valid: ${describeIssue(parsed.error.issues[0])}` };
  if (!isOrdered(parsed.data.scenario.actions) || !isOrdered(parsed.data.scenario.setup ?? [])) {
    return { ok: false, error: 'The shared scenario is not valid: its actions are not in time order.' };
  }
  const { clusterConfig } = parsed.data.scenario;
  if (clusterConfig !== undefined && !Object.values(courseClusters).includes(clusterConfig)) {
    return { ok: false, error: `The shared scenario asks for a cluster this site does not know: a shared scenario may only run on one of the course's clusters (${Object.keys(courseClusters).join(', ')}).` };
  }
  return { ok: true, value: parsed.data };
}

/** Raw DEFLATE, inflated in small pushes so that output past `limit` bytes stops it early; undefined on any error. */
function inflateBounded(bytes: Uint8Array, limit: number): string | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  try {
    const inflate = new Inflate((chunk, final) => {
      size += chunk.length;
      if (size > limit) throw new RangeError('too large');
      chunks.push(chunk);
      done ||= final;
    });
    // A 256-byte push inflates to at most ~260 KB (DEFLATE's ratio is bounded by about 1032:1).
    for (let i = 0; i < bytes.length; i += 256) inflate.push(bytes.subarray(i, i + 256), i + 256 >= bytes.length);
    if (bytes.length === 0) return undefined;
  } catch {
    return undefined;
  }
  if (!done) return undefined;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  try {
    return strFromU8(all);
  } catch {
    return undefined;
  }
}

function isOrdered(actions: { at: number }[]): boolean {
  return actions.every((a, i) => i === 0 || actions[i - 1].at <= a.at);
}

/** One schema issue in words, with where it is: "scenario.seed: …". Carries no input text back. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unknown problem.';
  const where = issue.path.map(String).join('.') || 'the top level';
  const what = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}` : issue.message;
  return `${where}: ${what}.`;
}
