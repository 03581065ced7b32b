import type { Cluster } from '../cluster';
import { hostPrograms, printedResult, type ExecResult, type Write } from '../node/programs';
import type { NodeHost } from '../node/node-host';
import { nodeFiles } from '../node/host-files';
import { filters } from '../shell/filters';
import { Shell, runToEnd } from '../shell/interpreter';
import { parseShell } from '../shell/syntax';
import { syntaxErrorMessage } from '../shell/dialect';
import { mapFiles } from '../shell/redirect';
import { resolvePath } from '../node/programs/fs';

/**
 * `ssh NODE COMMAND…`: runs the command on a node, as root, in its shell (see remoteCommand).
 * The remote shell's and OpenSSH's errors read as theirs: an unknown host does not resolve, a
 * stopped machine does not answer (exit 255), an unknown program is bash's exit 127.
 */
export function ssh(cluster: Cluster, args: string[]): ExecResult {
  if (args.length === 0) {
    return {
      stdout: '',
      stderr:
        'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n' +
        '           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n' +
        '           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n' +
        '           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n' +
        '           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n' +
        '           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n' +
        '           destination [command [argument ...]]\n',
      exitCode: 255,
    };
  }
  const [target, ...argv] = args;
  const nodeName = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
  const node = cluster.nodes.get(nodeName) ?? [...cluster.nodes.values()].find((n) => n.ip === nodeName);
  if (!node) return { stdout: '', stderr: `ssh: Could not resolve hostname ${nodeName}: Name or service not known\n`, exitCode: 255 };
  if (!node.running) {
    // A switched-off machine answers no SYN: Linux gives up after tcp_syn_retries = 6 retransmissions,
    // 1+2+4+8+16+32+64 = 127 s (Documentation/networking/ip-sysctl.rst).
    return { stdout: '', stderr: `ssh: connect to host ${nodeName} port 22: Connection timed out\n`, exitCode: 255, elapsedMs: 127_000 };
  }
  if (argv.length === 0) return { stdout: '', stderr: 'Pseudo-terminal will not be allocated because stdin is not a terminal.\n', exitCode: 0 };
  return remoteCommand(cluster, node, argv.join(' '));
}

/**
 * What sshd does with the command: it joins the words with spaces and hands the line to root's
 * shell, `bash -c LINE`, so `ssh node-1 'iptables-save | grep web'` pipes on the node. The node's
 * programs are the host programs and GNU grep, head, tail, wc, sort, uniq, cut and seq.
 */
function remoteCommand(cluster: Cluster, node: NodeHost, line: string): ExecResult {
  const parsed = parseShell(line);
  if ('message' in parsed) return { stdout: '', stderr: syntaxErrorMessage({ name: 'bash', dialect: 'bash' }, parsed), exitCode: 2 };
  const writes: Write[] = [];
  const files = nodeFiles(cluster.config);
  const shell = new Shell(
    {
      // `ssh NODE CMD`: the node's bash runs CMD as a script (`bash -c`).
      name: 'bash',
      dialect: 'bash',
      write: (stdout, stderr) => writes.push({ stream: 'stdout', text: stdout }, { stream: 'stderr', text: stderr }),
      run: (argv, stdin) => {
        const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
        const filter = filters.get(name);
        if (filter) return filter(argv.slice(1), { stdin, readFile: (path) => files.get(path) });
        return hostPrograms.get(name)?.({ cluster, node, stdin }, argv.slice(1));
      },
      isFile: (path) => files.has(path),
      isDirectory: () => false,
      // The node's files as the simulator lists them; what a redirection writes lasts for this command.
      files: mapFiles(files, resolvePath, (path) => path === '/' || [...files.keys()].some((f) => f.startsWith(`${path}/`)) || path === '/tmp' || path === '/root'),
    },
    new Map([['HOME', '/root'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['SHELL', '/bin/bash']]),
  );
  const run = runToEnd(shell.run(parsed.list), 'bash');
  writes.push({ stream: 'stderr', text: run.stderr });
  return { ...printedResult(writes, run.exitCode), ...(run.elapsedMs ? { elapsedMs: run.elapsedMs } : {}) };
}
