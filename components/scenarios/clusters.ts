/**
 * The course's cluster shapes (sim/scenarios/cluster-*.yaml, format: sim/cluster-config.ts), by
 * name. A widget's scenario carries one of them as YAML text; a shared scenario may carry only one
 * of these, word for word, since a cluster config from a stranger's URL could ask for any number of
 * nodes (components/share/shared-scenario.ts).
 */
import defaultCluster from '../../sim/scenarios/cluster-default.yaml?raw';
import privateNat from '../../sim/scenarios/cluster-private-nat.yaml?raw';
import privateNoNat from '../../sim/scenarios/cluster-private-no-nat.yaml?raw';
import bareMetal from '../../sim/scenarios/cluster-bare-metal.yaml?raw';
import twoZonesFlannel from '../../sim/scenarios/cluster-two-zones-flannel.yaml?raw';

export const courseClusters = {
  default: defaultCluster,
  'private-nat': privateNat,
  'private-no-nat': privateNoNat,
  'bare-metal': bareMetal,
  'two-zones-flannel': twoZonesFlannel,
} as const;

