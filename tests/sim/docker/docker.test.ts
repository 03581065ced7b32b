/**
 * The Docker host model: `-p 8080:80` writes Docker's nat rules, and a request from a container
 * on another host is rewritten twice (MASQUERADE leaving, DNAT arriving), while the container's
 * own address is not reachable from another host.
 */
import { describe, expect, test } from 'vitest';
import { Rng } from '../../../sim/core/rng';
import { DockerHost } from '../../../sim/docker/docker-host';
import { dockerConnect } from '../../../sim/docker/docker-walk';
import { renderTable } from '../../../sim/net/netfilter-render';

function twoHosts() {
  const a = new DockerHost('host-a', '192.168.1.10');
  const b = new DockerHost('host-b', '192.168.1.11');
  const client = a.run({ name: 'client', image: 'busybox' });
  const web = b.run({ name: 'web', image: 'nginx', listen: [80], publish: [{ hostPort: 8080, containerPort: 80 }] });
  return { a, b, client, web };
}

describe('Docker beside Kubernetes', () => {
  test('docker run -p 8080:80 writes the DOCKER chain DNAT and the bridge MASQUERADE', () => {
    const { b } = twoHosts();
    const rules = renderTable(b.nat, 0).split('\n').filter((l) => l.startsWith('-A') || l.startsWith(':'));
    expect(rules).toEqual([
      ':PREROUTING ACCEPT [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
      ':DOCKER - [0:0]',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A DOCKER -i docker0 -j RETURN',
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    ]);
  });

  test('a request to a published port is rewritten twice, and the reply undoes both', () => {
    const { a, b, client, web } = twoHosts();
    const walk = dockerConnect([a, b], a, client, b.ip, 8080, new Rng(1));
    expect(walk.outcome).toBe('established');
    expect(walk.trace.filter((h) => h.action === 'MASQUERADE' || h.action === 'DNAT').map((h) => h.action)).toEqual(['MASQUERADE', 'DNAT']);
    // The server sees host-a's address, not the client container's.
    expect(walk.delivered).toMatchObject({ src: a.ip, dst: web.ip, dport: 80 });
    const last = walk.reply.at(-1)!.packet;
    expect(last).toMatchObject({ src: b.ip, sport: 8080, dst: client.ip, dport: walk.trace[0].packet.sport });
  });

  test("a container's address on another host is not reachable: the range is every host's own", () => {
    const { a, b, client, web } = twoHosts();
    expect(web.ip).toBe(client.ip);
    const walk = dockerConnect([a, b], a, client, web.ip, 80, new Rng(1));
    expect(walk.outcome).not.toBe('established');
    expect(walk.trace.some((h) => h.node === 'host-b')).toBe(false);
  });
});
