import { describe, expect, it } from 'vitest';
import { probability, serviceExternalChainName, servicePortEndpointChainName, servicePortName, servicePortPolicyClusterChain } from '../../../sim/node/kube-proxy-chains';
import { savedProbability } from '../../../sim/net/netfilter-render';

// Expected names from kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go (TestOverallIPTablesRules
// and TestParseIPTablesData), and the well-known names of kubeadm's Services on every cluster.
describe("kube-proxy's chain names", () => {
  it('hash the service port name and protocol as kube-proxy does', () => {
    expect(servicePortPolicyClusterChain('ns1/svc1:p80', 'tcp')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(servicePortPolicyClusterChain('ns2/svc2:p80', 'TCP')).toBe('KUBE-SVC-GNZBNJ2PO5MGZ6GT');
    expect(servicePortPolicyClusterChain('ns3/svc3:p80', 'tcp')).toBe('KUBE-SVC-X27LE4BHSL4DOUIK');
    expect(servicePortPolicyClusterChain('ns4/svc4:p80', 'tcp')).toBe('KUBE-SVC-4SW47YFZTEDKD3PK');
    expect(servicePortPolicyClusterChain('ns5/svc5:p80', 'tcp')).toBe('KUBE-SVC-NUKIZ6OKUXPJNT4C');
    expect(serviceExternalChainName('ns2/svc2:p80', 'tcp')).toBe('KUBE-EXT-GNZBNJ2PO5MGZ6GT');
    expect(servicePortPolicyClusterChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(servicePortPolicyClusterChain('kube-system/kube-dns:dns', 'udp')).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(servicePortPolicyClusterChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
  });

  it('hash the endpoint into the KUBE-SEP name', () => {
    expect(servicePortEndpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
    expect(servicePortEndpointChainName('ns2/svc2:p80', 'tcp', '10.180.0.2:80')).toBe('KUBE-SEP-RS4RBKLTHTF2IUXJ');
    expect(servicePortEndpointChainName('ns3/svc3:p80', 'tcp', '10.180.0.3:80')).toBe('KUBE-SEP-OYPFS5VJICHGATKP');
    expect(servicePortEndpointChainName('ns4/svc4:p80', 'tcp', '10.180.0.4:80')).toBe('KUBE-SEP-UKSFD7AGPMPPLUHC');
    expect(servicePortEndpointChainName('ns4/svc4:p80', 'tcp', '10.180.0.5:80')).toBe('KUBE-SEP-C6EBXVWJJZMIWKLZ');
    expect(servicePortEndpointChainName('ns5/svc5:p80', 'tcp', '10.180.0.3:80')).toBe('KUBE-SEP-I77PXRDZVX7PMWMN');
  });

  it('name an unnamed port without a colon', () => {
    expect(servicePortName('default', 'web', undefined)).toBe('default/web');
    expect(servicePortName('default', 'web', 'http')).toBe('default/web:http');
  });

  it('write probabilities as kube-proxy does and read them back as iptables-save does', () => {
    expect(probability(3)).toBe('0.3333333333');
    expect(savedProbability(probability(3))).toBe('0.33333333349');
    expect(savedProbability(probability(2))).toBe('0.50000000000');
    expect(savedProbability(probability(5))).toBe('0.20000000019');
  });
});
