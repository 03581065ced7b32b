import type { Container } from '../api/types';
import { goDuration } from '../core/go-duration';
import { imageProfile, parseImageRef } from './images';
import { imagePullPolicyFor } from '../api/defaults/pod';

/**
 * A node's images and the kubelet's image manager (EnsureImageExists): before each container
 * starts, the kubelet checks the runtime's image store and pulls as `imagePullPolicy` says
 * (Never: only what is present, else ErrImageNeverPull; IfNotPresent: pull when absent; Always:
 * pull every time, where the registry then sends only what the node lacks). Pulls on one node run
 * one at a time (the kubelet's default serializeImagePulls: true), so a second Pod that needs an
 * image being pulled waits for that pull, and its own is quick.
 * Source: kubernetes/pkg/kubelet/images/image_manager.go (EnsureImageExists, shouldPullImage and
 * the event messages), pkg/kubelet/images/puller.go (serialImagePuller).
 *
 * Pull times are the simulator's: a fixed cost for the registry's round trips plus the image's
 * size at a fixed bandwidth; they depend on nothing random, so that Pod names and addresses drawn
 * from the seeded random source stay as they were.
 */

/** Resolving the reference and fetching the manifest and config, in ms (the simulator's figure). */
export const pullOverheadMs = 250;
/** Bytes a node fetches per ms: 40 MB/s (the simulator's figure). */
export const pullBytesPerMs = 40_000;
/** The size of an image the catalogue does not know (the simulator's figure). */
export const unknownImageSize = 30_000_000;

/**
 * The image as the runtime's store names it: `nginx`, `nginx:latest` and
 * `docker.io/library/nginx:latest` are the same image; a digest names its own.
 */
export function imageKey(image: string): string {
  if (image.includes('@')) return image.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '');
  const { repository, tag } = parseImageRef(image);
  return `${repository}:${tag}`;
}

export function imageSize(image: string): number {
  return imageProfile(image)?.size ?? unknownImageSize;
}

/** What EnsureImageExists decided for one container start. */
export type ImageCheck =
  /** Present, and the policy does not ask for a pull: `Container image "X" already present on machine`. */
  | { kind: 'present'; message: string }
  /** Pulling now (`Pulling image "X"`); the image is there at `doneAt` (virtual ms), with `pulled` as the Pulled event's message. */
  | { kind: 'pull'; pulling: string; doneAt: number; pulled: string }
  /** imagePullPolicy Never and the image is absent: the container waits in ErrImageNeverPull. */
  | { kind: 'never'; message: string };

export class ImageStore {
  /** Image key → when it is (or will be) in the store, in virtual ms. */
  private readyAt = new Map<string, number>();
  /** When the node's one puller is free again. */
  private pullerFreeAt = 0;

  /** Images the node has from the start (kubeadm pulls the control plane's and the pause image before the kubelet runs Pods). */
  constructor(preloaded: readonly string[] = []) {
    for (const image of preloaded) this.readyAt.set(imageKey(image), -Infinity);
  }

  has(image: string, now: number): boolean {
    return (this.readyAt.get(imageKey(image)) ?? Infinity) <= now;
  }

  /** EnsureImageExists for a container about to start at `now`. */
  ensure(spec: Container, now: number): ImageCheck {
    const image = spec.image;
    const present = this.has(image, now);
    const policy = spec.imagePullPolicy ?? imagePullPolicyFor(image);
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) return { kind: 'present', message: `Container image "${image}" already present on machine` };
      return { kind: 'never', message: `Container image "${image}" is not present with pull policy of Never` };
    }
    const key = imageKey(image);
    const start = Math.max(now, this.pullerFreeAt);
    // Layers the node already has (or fetches before this pull starts) are not fetched again.
    const fetched = (this.readyAt.get(key) ?? Infinity) <= start;
    const size = imageSize(image);
    const pullMs = pullOverheadMs + (fetched ? 0 : Math.round(size / pullBytesPerMs));
    const doneAt = start + pullMs;
    this.pullerFreeAt = doneAt;
    this.readyAt.set(key, Math.min(this.readyAt.get(key) ?? Infinity, doneAt));
    return {
      kind: 'pull',
      pulling: `Pulling image "${image}"`,
      doneAt,
      pulled: `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(doneAt - now)} including waiting). Image size: ${size} bytes.`,
    };
  }

  /** The machine stopped: pulls under way are lost (what was fetched stays on disk). */
  abortPulls(now: number): void {
    for (const [key, at] of this.readyAt) if (at > now) this.readyAt.delete(key);
    this.pullerFreeAt = now;
  }
}
