import type { KubeObject } from '../../api/types';
import { kindInfo } from '../../core/kinds';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { kindString } from './resources';

/**
 * Sends a generated object to the API server (defaulting, admission and validation run there),
 * as `kubectl create …`, `expose` and `run` do, and prints what the name printer prints:
 * `deployment.apps/web created`. An API error prints as kubectl prints it; commands that wrap it
 * (`failed to create deployment: …`, create_deployment.go) pass `wrap`.
 */
export function createObject(store: { create<T extends KubeObject>(obj: T): T }, obj: KubeObject, operation = 'created', wrap?: string): ExecResult {
  try {
    const created = store.create(obj);
    return { stdout: `${kindString(kindInfo(created.kind)!)}/${created.metadata.name} ${operation}\n`, stderr: '', exitCode: 0 };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const stderr = wrap ? `error: ${wrap}: ${e.message}\n` : `${e.toString()}\n`;
    return { stdout: '', stderr, exitCode: 1 };
  }
}
