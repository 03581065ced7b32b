import { hostPrograms } from '../programs';
import { conntrack } from './conntrack';
import { iptablesSave } from './iptables-save';
import { ip } from './ip';
import { curl } from './curl';
import { pingIputils } from './ping-iputils';
import { journalctl } from './journalctl';
import { ps } from './ps';
import { systemctl } from './systemctl';
import { onTheNode } from '../host-files';

/**
 * Registers the programs the reader runs on a node over `ssh NODE …`: the tools that show the
 * data plane as it is (iptables-save, conntrack, ip) and the clients that use it from the node's
 * own network namespace (curl, iputils' ping), the node's processes (ps), its services (systemctl) and its journal (journalctl). Imported once for its effect.
 */
hostPrograms.set('iptables-save', iptablesSave);
hostPrograms.set('conntrack', conntrack);
hostPrograms.set('ip', ip);
hostPrograms.set('curl', onTheNode(curl));
hostPrograms.set('ping', onTheNode(pingIputils));
hostPrograms.set('journalctl', journalctl);
hostPrograms.set('ps', ps);
hostPrograms.set('systemctl', systemctl);
