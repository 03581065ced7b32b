import { requestPath } from '../net/http';
import { goLogLine } from './go-log';
import { goResponse } from './http-exchange';
import { parseImageRef } from './images';
import { mainPrograms, serve, type MainProgram } from './main-programs';
import { processEnvironment } from './programs/environ';
import { containerHostname } from './serve-hostname';

/**
 * hello-app (registered for its effect: import this module once), the Google sample behind the
 * "Exposing an External IP Address" tutorial and minikube's Ingress task: it listens on $PORT
 * (8080), logs `Server listening on port 8080`, then `Serving request: PATH` for each request,
 * and answers every path with three lines: the greeting, its version (the image tag's, `1.0` →
 * 1.0.0) and the container's hostname.
 * Source: GoogleCloudPlatform/kubernetes-engine-samples, quickstarts/hello-app/main.go.
 */
export const helloApp: MainProgram = (_args, ctx, log) => {
  const port = processEnvironment(ctx).get('PORT') || '8080';
  if (!/^\d+$/.test(port)) return { stderr: `${goLogLine(ctx.cluster.clock, `listen tcp: address ${port}: invalid port`)}`, exitCode: 1 };
  const image = ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image ?? '';
  const tag = /^(\d+)\.(\d+)/.exec(parseImageRef(image).tag);
  const version = tag ? `${tag[1]}.${tag[2]}.0` : '1.0.0';
  const write = (line: string) => log?.('', goLogLine(ctx.cluster.clock, line));
  write(`Server listening on port ${port}`);
  return serve({
    sockets: [`TCP/${port}`],
    http: (req) => {
      write(`Serving request: ${requestPath(req)}`);
      return goResponse(ctx.cluster, `Hello, world!\nVersion: ${version}\nHostname: ${containerHostname(ctx)}\n`);
    },
  });
};

mainPrograms.set('hello-app', helloApp);
