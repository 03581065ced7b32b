import type { ProgramContext } from '../programs';
import { imageUserland, type Userland } from '../images';
import { podContainer } from '../../api/pod-containers';

/**
 * The first line BusyBox prints above an applet's usage text. The build date that real binaries
 * add after the version is left out: it differs from image to image.
 */
export const busyboxBanner = 'BusyBox v1.36.1 multi-call binary.\n';

/**
 * Whose wording a program uses where it runs: BusyBox applets in BusyBox and Alpine based images,
 * GNU coreutils elsewhere and on nodes (see imageUserland in images.ts).
 */
export function programUserland(ctx: ProgramContext): Userland {
  const image = podContainer(ctx.pod, ctx.container)?.image;
  return image ? imageUserland(image) : 'gnu';
}
