import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../sim/api/types';
import { hostnames } from '../console/hostnames';
import { writeOut, type TransferInfo } from '../../../sim/node/programs/curl-write-out';

function setup() {
  const { cluster, c, clusterIP } = hostnames(2, 'kubectl run curl --image=curlimages/curl --restart=Never -- sleep 3600', 'kubectl wait --for=condition=Ready pod/curl');
  return { c, clusterIP, curlIP: cluster.store.get<Pod>('Pod', 'default', 'curl')!.status!.podIP! };
}

describe('curl -w / --write-out', () => {
  it('prints the status, the peer (the ClusterIP, not the Pod), the source and the time after the body', () => {
    const { c, clusterIP, curlIP } = setup();
    const r = c.run(`kubectl exec curl -- curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port} %{local_ip} %{time_total}\\n' http://hostnames`);
    expect(r.stdout).toMatch(new RegExp(`^200 ${clusterIP.replace(/\./g, '\\.')}:80 ${curlIP.replace(/\./g, '\\.')} 0\\.\\d{6}\\n$`));
    expect(r.stderr).toBe('');
    // The same transfer gives the same figures: time comes from the virtual clock and the hops.
    expect(c.run(`kubectl exec curl -- curl -s -o /dev/null -w '%{time_total}' http://hostnames`).stdout).toMatch(/^0\.\d{6}$/);
  });

  it('no answer reports 000 and no peer, after the time waited; --write-out is the long form', () => {
    const { c, clusterIP } = setup();
    // No rule of kube-proxy matches port 81 of the ClusterIP: the SYN leaves by the default route and is lost.
    const r = c.run(`kubectl exec curl -- curl -s -m 2 --write-out '[%{http_code}][%{remote_ip}][%{time_total}]' http://${clusterIP}:81`);
    expect(r.stdout).toBe('[000][][2.000000]');
    expect(r.exitCode).toBe(28);
  });

  it('formats: %% and \\t escapes, unknown variables warned about on stderr', () => {
    const info: TransferInfo = { httpCode: 404, remoteIP: '10.96.0.1', remotePort: 443, localIP: '10.244.1.2', localPort: 40000, namelookupUs: 20, connectUs: 560, totalUs: 3080, sizeDownload: 9, url: 'http://x/', exitCode: 0, errorMessage: '' };
    expect(writeOut('%{http_code}\\t100%%\\r\\n%{time_connect} %{time_total} %{size_download}', info)).toEqual({ stdout: '404\t100%\r\n0.000560 0.003080 9', stderr: '' });
    expect(writeOut('a%{nope}b\\x', info)).toEqual({ stdout: 'ab\\x', stderr: "curl: unknown --write-out variable: 'nope'\n" });
  });
});

describe('curl -o and -I', () => {
  it('-o FILE writes the body into the container, with the progress meter on stderr', () => {
    const { c } = setup();
    const r = c.run('kubectl exec curl -- curl -o /tmp/page http://hostnames');
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ {2}% Total/);
    expect(c.run('kubectl exec curl -- cat /tmp/page').stdout).toMatch(/^hostnames-/);
  });

  it('-I sends HEAD and prints the header block with CRLF line ends, no body', () => {
    const { c } = setup();
    const r = c.run('kubectl exec curl -- curl -sI http://hostnames');
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: [^\r]+ GMT\r\nContent-Length: \d+\r\nContent-Type: text\/plain; charset=utf-8\r\n\r\n$/);
    expect(r.stdout).not.toMatch(/hostnames-/);
  });
});
