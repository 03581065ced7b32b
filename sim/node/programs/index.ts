import { containerPrograms } from '../programs';
import { cat } from './cat';
import { curl } from './curl';
import { nslookup } from './nslookup';
import { echo } from './echo';
import { hostname } from './hostname';
import { ls } from './ls';
import { rm } from './rm';
import { sleep } from './sleep';
import { touch } from './touch';

/**
 * Registers the programs found in every container image the simulator runs (GNU coreutils
 * behaviour). Imported once for its effect; each program lives in its own file.
 */
for (const [name, program] of Object.entries({ cat, curl, nslookup, echo, hostname, ls, rm, sleep, touch })) {
  containerPrograms.set(name, program);
}
