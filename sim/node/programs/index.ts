import { containerPrograms } from '../programs';
import { cat } from './cat';
import { curl } from './curl';
import { nslookup } from './nslookup';
import { echo } from './echo';
import { env, printenv } from './env';
import { filterPrograms } from './filters';
import { ping } from './ping';
import { bash, sh } from './sh';
import { wget } from './wget';
import { hostname } from './hostname';
import { ls } from './ls';
import { rm } from './rm';
import { sleep } from './sleep';
import { touch } from './touch';
import '../whoami';
import '../nginx';

/**
 * Registers the programs found in every container image the simulator runs (GNU coreutils
 * behaviour; wget, ping and sh as BusyBox has them). Imported once for its effect; each program
 * lives in its own file.
 */
for (const [name, program] of Object.entries({ bash, cat, curl, nslookup, echo, env, hostname, ls, ping, printenv, rm, sh, sleep, touch, wget })) {
  containerPrograms.set(name, program);
}
for (const [name, program] of filterPrograms) containerPrograms.set(name, program);
