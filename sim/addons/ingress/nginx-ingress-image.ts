import { mainPrograms, serve, type MainProgram, type Server } from '../../node/main-programs';
import type { PodSandbox } from '../../net/node-network';
import { NginxIngressController, nginxServer } from './nginx-ingress-controller';

/**
 * The `nginx/nginx-ingress` image's program, `/nginx-ingress` (its ENTRYPOINT): the controller
 * with nginx, started with Go-style flags as in the project's deployment manifest
 * (deployments/deployment/nginx-ingress.yaml): `-ingress-class`, `-report-ingress-status`,
 * `-external-service`, `-nginx-configmaps`. Registered for its effect: import this module once.
 */
const nginxIngress: MainProgram = (args, ctx) => {
  const flag = (name: string): string | undefined => {
    for (const a of args) {
      const m = /^--?([^=]+)(?:=(.*))?$/.exec(a);
      if (m?.[1] === name) return m[2] ?? 'true';
    }
    return undefined;
  };
  const { pod, node } = ctx;
  if (!pod || !node) return { stderr: 'nginx-ingress: runs only in a Pod\n', exitCode: 1 };
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  let sandbox: PodSandbox | undefined;
  const findSandbox = (): PodSandbox | undefined => {
    if (sandbox && node.sandboxes.get(sandbox.ip) === sandbox) return sandbox;
    sandbox = [...node.sandboxes.values()].find((s) => s.podKey === key && s.uid === pod.metadata.uid);
    return sandbox;
  };
  let server: Server | undefined;
  const alive = () => node.running && server !== undefined && findSandbox()?.servers?.get('TCP/80') === server;
  const controller = new NginxIngressController(
    ctx.cluster,
    pod,
    { ingressClass: flag('ingress-class') ?? 'nginx', externalService: flag('external-service'), reportIngressStatus: flag('report-ingress-status') === 'true' },
    alive,
  );
  server = nginxServer(controller, findSandbox);
  return serve(server);
};

mainPrograms.set('nginx-ingress', nginxIngress);
