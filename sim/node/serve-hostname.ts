import type { HttpRequest, HttpResponse } from '../net/http';
import { goResponse } from './http-exchange';
import type { ProgramContext } from './programs';

/** The container's hostname as os.Hostname() reads it: /etc/hostname, else the Pod's name. */
export function containerHostname(ctx: ProgramContext): string {
  return (ctx.fs?.get('/etc/hostname') ?? ctx.pod?.metadata.name ?? '').trim();
}

/**
 * The HTTP handler of `registry.k8s.io/serve_hostname` and of `agnhost serve-hostname`: every path
 * answers 200 with the hostname and no newline (`fmt.Fprintf(w, "%s", hostname)`), so that
 * `curl -s http://web` prints the Pod's name with the shell's next prompt right after it.
 * Sources: kubernetes/test/images/serve-hostname/serve_hostname.go and
 * kubernetes/test/images/agnhost/serve-hostname/serve_hostname.go.
 */
export function serveHostnameHttp(ctx: ProgramContext): (req: HttpRequest) => HttpResponse {
  return () => goResponse(ctx.cluster, containerHostname(ctx));
}
