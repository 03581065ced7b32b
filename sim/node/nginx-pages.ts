import { httpDate, type HttpResponse } from '../net/http';

/**
 * The responses nginx writes itself, with its version string in the Server header and in error
 * pages (`server_tokens on`, the default of nginx and of NGINX Ingress Controller). NginxVersion is
 * the nginx inside NGINX Ingress Controller images: the simulator's choice of a current mainline
 * nginx (the real one depends on the image's release); the `nginx` image's own version follows
 * its tag (see nginx.ts).
 */
export const NginxVersion = 'nginx/1.29.3';

/** nginx's own reason phrases where they differ from RFC 9110's (ngx_http_header_filter_module.c). */
const nginxReasons: Record<number, string> = {
  301: 'Moved Permanently',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/**
 * An error or redirect page as nginx builds it (ngx_http_special_response.c): a small HTML page
 * with CRLF line ends and the version in the footer, `text/html`, keep-alive.
 */
export function nginxPage(status: number, nowMs: number, location?: string, version = NginxVersion): HttpResponse {
  const title = `${status} ${nginxReasons[status] ?? ''}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${version}</center>\r\n</body>\r\n</html>\r\n`;
  return {
    status,
    reason: nginxReasons[status],
    headers: [
      ['Server', version],
      ['Date', httpDate(nowMs)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
      ['Connection', 'keep-alive'],
      ...(location ? ([['Location', location]] as [string, string][]) : []),
    ],
    body,
  };
}

/**
 * A response proxied from an upstream, as nginx passes it on: its own Server, Date and Connection
 * headers first, then the upstream's Content-Type and Content-Length, then the upstream's other headers.
 */
export function proxiedResponse(upstream: HttpResponse, nowMs: number): HttpResponse {
  const own = new Set(['server', 'date', 'connection', 'content-type', 'content-length', 'keep-alive', 'transfer-encoding']);
  const pick = (name: string) => upstream.headers.filter(([n]) => n.toLowerCase() === name);
  return {
    status: upstream.status,
    reason: upstream.reason,
    headers: [
      ['Server', NginxVersion],
      ['Date', httpDate(nowMs)],
      ...pick('content-type'),
      ...pick('content-length'),
      ['Connection', 'keep-alive'],
      ...upstream.headers.filter(([n]) => !own.has(n.toLowerCase())),
    ],
    body: upstream.body,
  };
}
