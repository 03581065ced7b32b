import { hostPrograms } from '../programs';
import { conntrack } from './conntrack';
import { iptablesSave } from './iptables-save';
import { ip } from './ip';

/**
 * Registers the programs the reader runs on a node over `ssh NODE …`: the tools that show the
 * data plane as it is (iptables-save, conntrack, ip). Imported once for its effect.
 */
hostPrograms.set('iptables-save', iptablesSave);
hostPrograms.set('conntrack', conntrack);
hostPrograms.set('ip', ip);
