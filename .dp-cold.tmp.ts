import { performance } from 'node:perf_hooks';
import { syncProxyRules, type ServicePortInfo } from './sim/node/kube-proxy-rules';
const s: ServicePortInfo[] = Array.from({ length: 1000 }, (_, i) => ({
  namespace: 'bench', name: `svc-${i}`, portName: 'http', protocol: 'TCP', clusterIP: `10.96.${(i >> 8) + 1}.${i & 255}`, port: 80,
  endpoints: Array.from({ length: 5 }, (_, j) => ({ ip: `10.244.${(i * 5 + j) >> 8}.${(i * 5 + j) & 255}`, port: 8080, ready: true, serving: true, terminating: false })),
}));
const config = { clusterCIDR: '10.244.0.0/16', masqueradeBit: 14 };
const c0 = process.cpuUsage(); let t = performance.now(); syncProxyRules(s, config); const cold = performance.now() - t; const cc = process.cpuUsage(c0);
const w: number[] = []; for (let i = 0; i < 15; i++) { t = performance.now(); syncProxyRules(s, config); w.push(performance.now() - t); }
w.sort((a, b) => a - b);
console.log(cold.toFixed(1), ((cc.user + cc.system) / 1000).toFixed(1), w[7].toFixed(1));
