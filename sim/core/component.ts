import type { Clock } from './clock';
import type { KubeObject } from './object';
import type { Rng } from './rng';
import type { Store } from './store';

/** Records a Kubernetes Event about `obj`, as client-go's EventRecorder does for a component. */
export type EventRecorder = (
  obj: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
  host?: string,
) => void;

/**
 * What a component of the cluster is given when it is installed, and all it may use: the API
 * store (its informers and client), the one virtual clock, the seeded random source, an event
 * recorder and the reconcile log the widgets show. Nothing reaches another component except
 * through the store, as in Kubernetes, where parts meet only at the API server.
 */
export interface ComponentContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly recordEvent: EventRecorder;
  /** Writes a line to the reconcile log: which component did what to which key. */
  readonly log: (component: string, key: string, message: string) => void;
}
