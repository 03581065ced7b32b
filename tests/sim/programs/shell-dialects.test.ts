import { describe, expect, it } from 'vitest';
import { Console } from '../../../sim/console/console';
import { Cluster } from '../../../sim/cluster';
import { parseShell } from '../../../sim/shell/syntax';
import { syntaxErrorMessage, type ShellVoice } from '../../../sim/shell/dialect';

/** What each shell prints for a script it cannot parse, straight from the parser. */
function said(voice: ShellVoice, script: string): string {
  const parsed = parseShell(script);
  if (!('message' in parsed)) throw new Error(`${script} parses`);
  return syntaxErrorMessage(voice, parsed);
}
const ash: ShellVoice = { name: 'sh', dialect: 'ash' };
const dash: ShellVoice = { name: 'sh', dialect: 'dash' };
const bash: ShellVoice = { name: 'bash', dialect: 'bash' };

describe("each shell's wording for a syntax error", () => {
  it('BusyBox ash: `syntax error: unexpected …`, a plain word as `word`, no line under -c', () => {
    expect(said(ash, 'if')).toBe('sh: syntax error: unexpected end of file (expecting "then")\n');
    expect(said(ash, 'echo a; fi')).toBe('sh: syntax error: unexpected "fi"\n');
    expect(said(ash, 'for x in a b\nx')).toBe('sh: syntax error: unexpected word (expecting "do")\n');
    expect(said(ash, 'echo "a')).toBe('sh: syntax error: unterminated quoted string\n');
    expect(said({ ...ash, name: 'run.sh', file: true }, 'echo a\nfi')).toBe('run.sh: line 2: syntax error: unexpected "fi"\n');
  });

  it('dash: the line, then `Syntax error: … unexpected`', () => {
    expect(said(dash, 'if')).toBe('sh: 1: Syntax error: end of file unexpected (expecting "then")\n');
    expect(said(dash, 'if true\nthen echo')).toBe('sh: 2: Syntax error: end of file unexpected (expecting "fi")\n');
    expect(said(dash, 'echo a; fi')).toBe('sh: 1: Syntax error: "fi" unexpected\n');
    expect(said(dash, 'a | | b')).toBe('sh: 1: Syntax error: "|" unexpected\n');
    expect(said(dash, 'echo "a')).toBe('sh: 1: Syntax error: Unterminated quoted string\n');
    expect(said(dash, 'echo a\necho "b\nc')).toBe('sh: 3: Syntax error: Unterminated quoted string\n');
    expect(said({ ...dash, name: 'run.sh', file: true }, 'echo a\n\nfi')).toBe('run.sh: 3: Syntax error: "fi" unexpected\n');
  });

  // Compared with GNU bash 5.2.15 (Debian 12's) run on the same scripts.
  it('bash: `-c: line N:`, the offending line quoted, and only the message at a prompt', () => {
    expect(said(bash, 'if')).toBe('bash: -c: line 2: syntax error: unexpected end of file\n');
    expect(said(bash, 'if true\n')).toBe('bash: -c: line 2: syntax error: unexpected end of file\n');
    expect(said(bash, 'if true\nthen')).toBe('bash: -c: line 3: syntax error: unexpected end of file\n');
    expect(said(bash, 'echo a\necho "b\nc')).toBe('bash: -c: line 2: unexpected EOF while looking for matching `"\'\n');
    expect(said(bash, 'echo a; fi; echo b')).toBe("bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `echo a; fi; echo b'\n");
    expect(said(bash, 'echo "a')).toBe('bash: -c: line 1: unexpected EOF while looking for matching `"\'\n');
    expect(said({ ...bash, name: 'run.sh', file: true }, 'true\nfi')).toBe("run.sh: line 2: syntax error near unexpected token `fi'\nrun.sh: line 2: `fi'\n");
    expect(said({ ...bash, interactive: true }, 'a | | b')).toBe("bash: syntax error near unexpected token `|'\n");
    // `$(` left open: the end of the script, as an unexpected end is; a quote: where it opened.
    expect(said(bash, 'echo $(')).toBe("bash: -c: line 2: unexpected EOF while looking for matching `)'\n");
    expect(said(bash, 'echo a\necho $(\nb')).toBe("bash: -c: line 4: unexpected EOF while looking for matching `)'\n");
    expect(said(bash, 'echo a\necho $(\nb\n')).toBe("bash: -c: line 4: unexpected EOF while looking for matching `)'\n");
    expect(said(bash, 'echo a\necho `\nb')).toBe("bash: -c: line 2: unexpected EOF while looking for matching ``'\n");
  });

  // Compared with dash 0.5.12, bash 5.2.15 and BusyBox v1.35.0 (Debian 12's) on the same scripts.
  it('a stray parenthesis is a syntax error in every shell', () => {
    expect(said(ash, 'foo bar )')).toBe('sh: syntax error: unexpected ")"\n');
    expect(said(ash, 'echo a(b')).toBe('sh: syntax error: unexpected "("\n');
    expect(said(dash, 'echo a)b')).toBe('sh: 1: Syntax error: ")" unexpected\n');
    expect(said(dash, 'echo a | )')).toBe('sh: 1: Syntax error: ")" unexpected\n');
    expect(said(bash, 'echo ok; )')).toBe("bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo ok; )'\n");
    expect(said(bash, 'echo a(b')).toBe("bash: -c: line 1: syntax error near unexpected token `('\nbash: -c: line 1: `echo a(b'\n");
    // What the simulator leaves out is refused in its own words, not run wrongly.
    expect(said(ash, '(echo a)')).toMatch(/subshells .* are not supported/);
    expect(said(ash, 'greet() { echo hi; }')).toMatch(/functions .* are not supported/);
  });
});

describe('sh -c and sh FILE in Debian (dash) and BusyBox (ash) containers', () => {
  const console = new Console(new Cluster({ seed: 1 }).boot(), { readFile: () => undefined });
  for (const line of ['kubectl run deb --image=nginx', 'kubectl run bb --image=busybox -- sleep 3600', 'kubectl wait --for=condition=Ready pod/deb pod/bb']) console.run(line);
  const exec = (pod: string, argv: string) => console.run(`kubectl exec ${pod} -- ${argv}`);

  it('a syntax error: the image\'s shell words it, exit status 2', () => {
    expect(exec('deb', "sh -c 'if'")).toEqual({ stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "then")\ncommand terminated with exit code 2\n', exitCode: 2 });
    expect(exec('bb', "sh -c 'if'")).toEqual({ stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "then")\ncommand terminated with exit code 2\n', exitCode: 2 });
    expect(exec('deb', "bash -c 'if'")).toEqual({ stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\ncommand terminated with exit code 2\n', exitCode: 2 });
  });

  it('a script file: its errors name the file and the line', () => {
    for (const pod of ['deb', 'bb']) exec(pod, `sh -c 'echo "echo one\nfoo" > /run.sh'`);
    expect(exec('deb', 'sh /run.sh')).toEqual({ stdout: 'one\n', stderr: '/run.sh: 2: foo: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(exec('bb', 'sh /run.sh')).toEqual({ stdout: 'one\n', stderr: '/run.sh: line 2: foo: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(exec('deb', 'bash /run.sh')).toEqual({ stdout: 'one\n', stderr: '/run.sh: line 2: foo: command not found\ncommand terminated with exit code 127\n', exitCode: 127 });
  });

  it('the lines before a syntax error run first, a line at a time; a single line runs none of it', () => {
    expect(exec('deb', "sh -c 'echo one\necho two; fi\necho three'")).toEqual({ stdout: 'one\n', stderr: 'sh: 2: Syntax error: "fi" unexpected\ncommand terminated with exit code 2\n', exitCode: 2 });
    expect(exec('bb', "sh -c 'echo one; fi'")).toMatchObject({ stdout: '', exitCode: 2 });
    expect(exec('bb', "sh -c 'exit 3\nfi'")).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 });
    exec('deb', `sh -c 'echo "echo ran\nif true\nthen echo" > /broken.sh'`);
    // The end of a file that ends with a newline is on the line after its last (as bash reports it in the ShellCheck wiki's Parser-error page).
    expect(exec('deb', 'bash /broken.sh')).toEqual({ stdout: 'ran\n', stderr: '/broken.sh: line 4: syntax error: unexpected end of file\ncommand terminated with exit code 2\n', exitCode: 2 });
  });

  it('no such file: dash at line 0 (status 2), ash and bash with strerror (status 127)', () => {
    expect(exec('deb', 'sh /nope.sh').stderr).toBe('sh: 0: cannot open /nope.sh: No such file\ncommand terminated with exit code 2\n');
    expect(exec('bb', 'sh /nope.sh')).toMatchObject({ stderr: "sh: can't open '/nope.sh': No such file or directory\ncommand terminated with exit code 127\n", exitCode: 127 });
    expect(exec('deb', 'bash /nope.sh')).toMatchObject({ stderr: 'bash: /nope.sh: No such file or directory\ncommand terminated with exit code 127\n', exitCode: 127 });
  });
});
