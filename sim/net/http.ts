/**
 * HTTP/1.1 messages as the simulator's clients and servers exchange them: a request line and
 * headers, a status line, headers and a body. Header names keep the case they were written in
 * (curl -v prints them as sent); lookups ignore case, as HTTP says.
 */
export type Headers = [name: string, value: string][];

export interface HttpRequest {
  method: string;
  /** The request target: path and query, `/api?x=1`. */
  path: string;
  headers: Headers;
}

export interface HttpResponse {
  /** The protocol of the status line, when not HTTP/1.1 (Go's fixed 400 to plain HTTP on a TLS port is HTTP/1.0). */
  version?: 'HTTP/1.0';
  status: number;
  /** The reason phrase the server writes, when it is not RFC 9110's (nginx: `Gateway Time-out`). */
  reason?: string;
  headers: Headers;
  body: string;
}

/** The first value of a header, by name in any case. */
export function header(headers: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Reason phrases (RFC 9110), for the status codes the simulator's servers answer. */
const reasons: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return reasons[status] ?? '';
}

/** An HTTP-date (RFC 9110, IMF-fixdate): `Thu, 01 Jan 2026 00:00:05 GMT`. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

/** The request's host without a port: what virtual hosts are chosen by. */
export function requestHost(req: HttpRequest): string {
  const host = header(req.headers, 'Host') ?? '';
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** The path without the query string. */
export function requestPath(req: HttpRequest): string {
  const q = req.path.indexOf('?');
  return q < 0 ? req.path : req.path.slice(0, q);
}
