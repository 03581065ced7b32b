import type { Cluster } from '../cluster';
import { hostPrograms, type ExecResult } from '../node/programs';

/**
 * `ssh NODE COMMAND…`: runs a host program (iptables-save, conntrack, ip) on a node, as root.
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
  const program = hostPrograms.get(argv[0].slice(argv[0].lastIndexOf('/') + 1));
  if (!program) return { stdout: '', stderr: `bash: line 1: ${argv[0]}: command not found\n`, exitCode: 127 };
  return program({ cluster, node }, argv.slice(1));
}
