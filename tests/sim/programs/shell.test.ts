import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { filters } from '../../../sim/shell/filters';
import { parseShell } from '../../../sim/shell/syntax';
import { expandWord, tokenize } from '../../../sim/shell/words';
import { clusterWith, exec, webAndClient } from '../services/cluster-fixture';

const run = (name: string, args: string[], stdin: string) => filters.get(name)!(args, { stdin });
const pods = 'NAME    READY\nweb-a   1/1\nWeb-b   0/1\nclient  1/1\n';

describe('text filters', () => {
  it('grep selects lines with -v -i -c -E -w, and exits 1 when nothing matched', () => {
    expect(run('grep', ['web'], pods)).toEqual({ stdout: 'web-a   1/1\n', stderr: '', exitCode: 0 });
    expect(run('grep', ['-i', 'web'], pods).stdout).toBe('web-a   1/1\nWeb-b   0/1\n');
    expect(run('grep', ['-v', 'web'], pods).stdout).toBe('NAME    READY\nWeb-b   0/1\nclient  1/1\n');
    expect(run('grep', ['-c', '1/1'], pods).stdout).toBe('2\n');
    expect(run('grep', ['-E', 'web|client'], pods).stdout).toBe('web-a   1/1\nclient  1/1\n');
    expect(run('grep', ['web|client'], pods)).toMatchObject({ stdout: '', exitCode: 1 });
    expect(run('grep', ['-w', 'web'], 'web-a\nwebs\n').stdout).toBe('web-a\n');
    expect(run('grep', [], pods)).toMatchObject({ exitCode: 2, stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" });
  });

  it('head, tail, wc -l, sort and uniq', () => {
    expect(run('head', ['-n', '1'], pods).stdout).toBe('NAME    READY\n');
    expect(run('tail', ['-n', '1'], pods).stdout).toBe('client  1/1\n');
    expect(run('tail', ['-n', '+3'], pods).stdout).toBe('Web-b   0/1\nclient  1/1\n');
    expect(run('wc', ['-l'], pods).stdout).toBe('4\n');
    expect(run('sort', [], 'b\na\nB\n').stdout).toBe('B\na\nb\n');
    expect(run('sort', ['-rn'], '2\n10\n1\n').stdout).toBe('10\n2\n1\n');
    expect(run('uniq', ['-c'], 'a\na\nb\n').stdout).toBe('      2 a\n      1 b\n');
  });
});

describe('words and scripts', () => {
  it('splits on unquoted operators only, and expands variables only when asked', () => {
    const t = tokenize(`ssh node-1 iptables-save | grep 'a | b' && echo "$X" # c | d`);
    expect('tokens' in t && t.tokens.map((x) => ('op' in x ? x.op : 'word' in x ? x.word.text : x.redirect.op))).toEqual(['ssh', 'node-1', 'iptables-save', '|', 'grep', 'a | b', '&&', 'echo', '$X']);
    expect(expandWord('"$A b"', (n) => (n === 'A' ? '1  2' : undefined))).toEqual(['1  2 b']);
    expect(expandWord('x$A', (n) => (n === 'A' ? '1  2' : undefined))).toEqual(['x1', '2']);
    expect(expandWord("'$A'", () => '1')).toEqual(['$A']);
    expect(parseShell('a | | b')).toEqual({ kind: 'unexpected', message: 'syntax error: unexpected "|"', line: 1, token: '|', tokenName: '"|"', lineText: 'a | | b' });
    expect(parseShell('a |')).toMatchObject({ incomplete: true });
    expect(parseShell('for i in 1; do')).toMatchObject({ incomplete: true });
    expect(parseShell('echo $(hostname')).toMatchObject({ incomplete: true });
    expect(parseShell('cat <<EOF')).toMatchObject({ message: "here-documents (<<) are not supported by this simulator's sh" });
    expect(parseShell('echo >')).toMatchObject({ message: 'syntax error: unexpected end of file', incomplete: true });
  });
});

describe('sh -c in a container', () => {
  it('runs pipelines, ; && || and expands the environment', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    expect(exec(cluster, 'client', ['sh', '-c', 'cat /etc/resolv.conf | grep nameserver'])).toMatchObject({ stdout: 'nameserver 10.96.0.10\n', exitCode: 0 });
    expect(exec(cluster, 'client', ['sh', '-c', 'echo $HOSTNAME; false && echo no || echo $?']).stdout).toBe('client\n1\n');
    expect(exec(cluster, 'client', ['sh', '-c', 'grep -c search /etc/resolv.conf']).stdout).toBe('1\n');
    expect(exec(cluster, 'client', ['sh', '-c', 'nosuch'])).toMatchObject({ stderr: 'sh: nosuch: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(exec(cluster, 'client', ['sh', '-c', 'echo "open'])).toMatchObject({ stderr: 'sh: syntax error: unterminated quoted string\ncommand terminated with exit code 2\n' });
    expect(exec(cluster, 'client', ['sh', '-c', 'case x in x) echo;; esac']).stderr).toContain("this simulator's sh");
  });
});

describe('console pipes', () => {
  it('feeds a command into the filters, on the reader side', () => {
    const cluster = clusterWith(webAndClient({ replicas: 2 }));
    const c = new Console(cluster);
    expect(c.run('kubectl get pods | grep -c web')).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
    const rules = c.run('ssh node-1 iptables-save | grep -E "^-A KUBE-SERVICES.*default/web:http" | head -n 1');
    expect(rules.stdout).toMatch(/^-A KUBE-SERVICES .*default\/web:http.* -j KUBE-SVC-/);
    expect(rules.stdout.split('\n')).toHaveLength(2);
    expect(c.run("kubectl exec client -- sh -c 'cat /etc/resolv.conf | grep nameserver'").stdout).toBe('nameserver 10.96.0.10\n');
    expect(c.run('kubectl exec client -- cat /etc/resolv.conf | grep -v nameserver | wc -l').stdout).toBe('2\n');
    expect(c.run('kubectl get pods | grep nosuch')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(c.run('kubectl get pods | | grep x')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
  });

  it('changes nothing when the line does not parse', () => {
    const cluster = new Cluster();
    cluster.settle(0);
    const before = cluster.store.resourceVersion;
    expect(new Console(cluster).run("kubectl create namespace x | grep 'open").exitCode).toBe(2);
    expect(cluster.store.resourceVersion).toBe(before);
  });
});

describe('grep context, cut and seq', () => {
  const text = 'a\nb\nmatch1\nc\nd\ne\nmatch2\nf\n';
  it('grep -A, -B and -C print context lines with -- between groups, as GNU grep', () => {
    expect(run('grep', ['-A1', 'match'], text).stdout).toBe('match1\nc\n--\nmatch2\nf\n');
    expect(run('grep', ['-B', '2', 'match2'], text).stdout).toBe('d\ne\nmatch2\n');
    expect(run('grep', ['-n', '-C1', 'match'], text).stdout).toBe('2-b\n3:match1\n4-c\n--\n6-e\n7:match2\n8-f\n');
    expect(run('grep', ['-C', '3', 'match'], text).stdout).toBe('a\nb\nmatch1\nc\nd\ne\nmatch2\nf\n');
    expect(run('grep', ['-A', 'x', 'a'], text)).toMatchObject({ stderr: 'grep: x: invalid context length argument\n', exitCode: 2 });
  });
  it('cut fields and characters, seq counts', () => {
    expect(run('cut', ['-d/', '-f2'], 'pod/web\npod/db\n').stdout).toBe('web\ndb\n');
    expect(run('cut', ['-d', ':', '-f', '1,3'], 'a:b:c\nnone\n').stdout).toBe('a:c\nnone\n');
    expect(run('cut', ['-c', '1-3'], 'abcdef\n').stdout).toBe('abc\n');
    expect(run('seq', ['3'], '').stdout).toBe('1\n2\n3\n');
    expect(run('seq', ['2', '2', '6'], '').stdout).toBe('2\n4\n6\n');
  });
});
