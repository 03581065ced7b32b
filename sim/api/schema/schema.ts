/**
 * A declarative schema of the fields the API server knows, per kind: enough to reject unknown
 * fields (kubectl's default `--validate=strict`, checked by the server's strict decoding) and
 * wrong types with the decoder's own words, and to merge lists by key during `kubectl apply`.
 * Each kind's schema lives in its own file beside this one, written from sim/api/types.ts.
 */
export type Schema = ScalarSchema | ObjectSchema | ArraySchema | MapSchema;

export interface ScalarSchema {
  type: 'string' | 'int32' | 'int64' | 'boolean' | 'int-or-string';
}

export interface ObjectSchema {
  type: 'object';
  /** The Go type, as the JSON decoder names it in errors: `v1.DeploymentSpec`. */
  go: string;
  fields: Record<string, Schema>;
}

export interface ArraySchema {
  type: 'array';
  items: Schema;
  /** The strategic-merge-patch key: list items with the same value here are the same item. */
  mergeKey?: string;
}

export interface MapSchema {
  type: 'map';
  values: Schema;
}

export const string: ScalarSchema = { type: 'string' };
export const int32: ScalarSchema = { type: 'int32' };
export const int64: ScalarSchema = { type: 'int64' };
export const boolean: ScalarSchema = { type: 'boolean' };
export const intOrString: ScalarSchema = { type: 'int-or-string' };

/** A Go struct: `object('v1.ServicePort', { port: int32, … })`. */
export function object(go: string, fields: Record<string, Schema>): ObjectSchema {
  return { type: 'object', go, fields };
}

/** A list; give `mergeKey` where the API declares `patchMergeKey`. */
export function array(items: Schema, mergeKey?: string): ArraySchema {
  return { type: 'array', items, mergeKey };
}

/** A `map[string]…`, such as labels. */
export function map(values: Schema = string): MapSchema {
  return { type: 'map', values };
}

/** The Go type of a schema, as `json: cannot unmarshal … of type T` prints it. */
export function goType(schema: Schema): string {
  switch (schema.type) {
    case 'object':
      return schema.go;
    case 'array':
      return `[]${goType(schema.items)}`;
    case 'map':
      return `map[string]${goType(schema.values)}`;
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'boolean':
      return 'bool';
    default:
      return schema.type;
  }
}
