import { describe, expect, it } from 'vitest';
import { parseShell } from '../../../sim/shell/syntax';
import { Shell, runToEnd, type ShellHost } from '../../../sim/shell/interpreter';
import { mapFiles } from '../../../sim/shell/redirect';

/** Runs a script with echo and sleep as its only programs; returns what it printed, its exit code and the time it took. */
function run(script: string) {
  const parsed = parseShell(script);
  if ('message' in parsed) return { out: `sh: ${parsed.message}\n`, exitCode: 2, elapsedMs: 0 };
  let out = '';
  const files = new Set(['/tmp/healthy']);
  const host: ShellHost = {
    name: 'sh',
    dialect: 'ash',
    write: (o, e) => (out += o + e),
    isFile: (p) => files.has(p),
    isDirectory: (p) => p === '/tmp',
    files: mapFiles(new Map(), (p) => p, (p) => p === '/tmp'),
    run: (argv) => {
      if (argv[0] === 'echo') return { stdout: `${argv.slice(1).join(' ')}\n`, stderr: '', exitCode: 0 };
      if (argv[0] === 'sleep') return { stdout: '', stderr: '', exitCode: 0, elapsedMs: Number(argv[1]) * 1000 };
      return undefined;
    },
  };
  const r = runToEnd(new Shell(host, new Map([['HOME', '/root']])).run(parsed.list), 'sh');
  return { out: out + r.stderr, exitCode: r.exitCode, elapsedMs: r.elapsedMs };
}

describe('the container shell: for, while, if, test, variables', () => {
  it('runs loops and conditionals with variables, over virtual time', () => {
    expect(run('for i in a b c; do echo $i; done')).toEqual({ out: 'a\nb\nc\n', exitCode: 0, elapsedMs: 0 });
    expect(run('X=1; if [ "$X" = 1 ]; then echo one; elif [ $X -gt 1 ]; then echo more; else echo none; fi').out).toBe('one\n');
    expect(run('if test -f /tmp/healthy; then echo ok; fi; [ -d /tmp ] && echo dir; [ -f /nope ] || echo missing').out).toBe('ok\ndir\nmissing\n');
    expect(run('n=x; while [ "$n" != xxx ]; do sleep 1; n=${n}x; done; echo $n')).toEqual({ out: 'xxx\n', exitCode: 0, elapsedMs: 2000 });
    expect(run('until false; do echo once; exit 4; done')).toEqual({ out: 'once\n', exitCode: 4, elapsedMs: 0 });
    expect(run('echo $HOME\n\n# a comment\necho second').out).toBe('/root\nsecond\n');
    expect(run('! false && echo negated').out).toBe('negated\n');
  });

  it('speaks ash: syntax errors, missing ], unknown programs and what the subset leaves out', () => {
    expect(run('for i in 1 2; do echo $i')).toMatchObject({ out: 'sh: syntax error: unexpected end of file (expecting "done")\n', exitCode: 2 });
    expect(run('if true; then echo; done')).toMatchObject({ out: 'sh: syntax error: unexpected "done" (expecting "fi")\n' });
    expect(run('[ 1 = 1')).toMatchObject({ out: 'sh: missing ]\n', exitCode: 2 });
    expect(run('[ a -eq 1 ]')).toMatchObject({ out: "sh: invalid number 'a'\n", exitCode: 2 });
    expect(run('nosuch')).toMatchObject({ out: 'sh: nosuch: not found\n', exitCode: 127 });
    expect(run('case x in x) ;; esac').out).toContain("not supported by this simulator's sh");
    expect(run('while true; do break; done').out).toContain('sh: break: not supported');
  });

  it('a loop that never pauses is stopped with a message instead of hanging', () => {
    expect(run('while true; do :; done')).toMatchObject({ exitCode: 130 });
    expect(run('while true; do :; done').out).toContain('without pausing');
  });
});
