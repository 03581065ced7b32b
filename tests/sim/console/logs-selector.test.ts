import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Pod } from '../../../sim/api/types';

describe('kubectl logs -l SELECTOR', () => {
  it("prints every matching Pod's log in name order, 10 lines each by default, with --prefix naming each line's Pod and container", () => {
    const cluster = new Cluster({ seed: 1 }).boot();
    const c = new Console(cluster);
    c.run("kubectl run a --image=busybox --labels=app=echo --restart=Never -- sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo a$i; done; sleep 3600'");
    c.run("kubectl run b --image=busybox --labels=app=echo --restart=Never -- sh -c 'echo b1; sleep 3600'");
    c.run('sleep 5');
    const a = Array.from({ length: 10 }, (_, i) => `a${i + 3}\n`).join('');
    expect(c.run('kubectl logs -l app=echo')).toEqual({ stdout: `${a}b1\n`, stderr: '', exitCode: 0 });
    expect(c.run('kubectl logs -l app=echo --tail=1 --prefix').stdout).toBe('[pod/a/a] a12\n[pod/b/b] b1\n');
    expect(c.run('kubectl logs -l app=nope')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(c.run('kubectl logs a -l app=echo').stderr).toBe('error: only a selector (-l) or a POD name is allowed\n');
    expect(cluster.store.list<Pod>('Pod', 'default')).toHaveLength(2);
  });
});
