import { containerPrograms, hostPrograms } from '../programs';
import { cat } from './cat';
import { curl } from './curl';
import { nslookup } from './nslookup';
import { dig } from './dig';
import { echo } from './echo';
import { env, printenv } from './env';
import { filterPrograms } from './filters';
import { ping } from './ping';
import { bash, sh } from './sh';
import { wget } from './wget';
import { hostname } from './hostname';
import { ipBusybox } from './ip-busybox';
import { ls } from './ls';
import { rm } from './rm';
import { sleep } from './sleep';
import { touch } from './touch';
import '../whoami';
import '../nginx';
import '../echoserver';
import '../hello-app';

/**
 * Registers the programs found in every container image the simulator runs (GNU coreutils
 * behaviour; wget, ping and sh as BusyBox has them). Imported once for its effect; each program
 * lives in its own file. Whether an image really has a program is runContainerProgram's business.
 */
for (const [name, program] of Object.entries({ bash, cat, curl, dig, nslookup, echo, env, hostname, ls, ping, printenv, rm, sh, sleep, touch, wget })) {
  containerPrograms.set(name, program);
}
containerPrograms.set('ip', ipBusybox);
for (const [name, program] of filterPrograms) containerPrograms.set(name, program);
// A node has BIND's tools too; its resolv.conf points at the VPC's resolver (see lookupHost).
hostPrograms.set('nslookup', nslookup);
hostPrograms.set('dig', dig);
