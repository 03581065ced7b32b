import type { Clock } from '../core/clock';
import { header, type HttpRequest } from '../net/http';
import { nodeSystem } from './kubelet-node-status';
import { slashDateTime } from './go-log';
import { monthAbbr } from '../core/calendar';

/**
 * What the `nginx` image writes to its container's log, as `kubectl logs` shows it.
 * - At start, docker-entrypoint.sh (when the image's entrypoint runs, and NGINX_ENTRYPOINT_QUIET_LOGS
 *   is unset) says on stdout which of /docker-entrypoint.d/'s four scripts it runs; then nginx's
 *   error log (`error_log /var/log/nginx/error.log notice`, a link to /dev/stderr) gets its
 *   start-up notices.
 * - Each request: the access log (`access_log /var/log/nginx/access.log main`, a link to
 *   /dev/stdout) gets a line in the image's `main` format, which shows the client's address as
 *   the server's socket saw it (after any SNAT on the way); a file that is not there, or a folder
 *   without index.html (403), also gets an `[error]` line first.
 * Sources: github.com/nginxinc/docker-nginx (mainline/debian: docker-entrypoint.sh,
 * 10-listen-on-ipv6-by-default.sh, 15-local-resolvers.envsh, 20-envsubst-on-templates.sh,
 * 30-tune-worker-processes.sh, nginx.conf's log_format main); nginx's src/core/nginx.c and
 * src/os/unix/ngx_posix_init.c (the notices), ngx_http_static_module.c, ngx_http_index_module.c
 * and ngx_http_core_module.c (the errors: `directory index of … is forbidden`), ngx_http_request.c (ngx_http_log_error's `, client: …, server: …, request: …, host: …`).
 *
 * The simulator's choices, where a real cluster varies: nodes have two CPUs, so `worker_processes
 * auto` starts two workers; they get PIDs 29 and 30, as after the Debian image's entrypoint; the
 * first worker takes every connection; connections are numbered from 1 in the order requests
 * arrive (one request per connection); the open-files limit is containerd 2's (systemd's default
 * 1024:524288).
 */

/** The PIDs of nginx's worker processes (the master is PID 1). */
const workerPids = [29, 30];

/** docker-entrypoint.sh's lines on stdout, with the image's four scripts in /docker-entrypoint.d/. */
export function entrypointLog(): string {
  const me = '/docker-entrypoint.sh';
  const ipv6 = '10-listen-on-ipv6-by-default.sh';
  return [
    `${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${me}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${me}: Launching /docker-entrypoint.d/${ipv6}`,
    `${ipv6}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `${ipv6}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
    `${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
    `${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
    `${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
    `${me}: Configuration complete; ready for start up`,
    '',
  ].join('\n');
}

/**
 * nginx's start-up notices on stderr. `compiler` is the `built by` line of the image's build
 * (the Debian release its tag is built on).
 */
export function startupNotices(clock: Clock, version: string, compiler: string): string {
  const notice = (message: string) => `${slashDateTime(clock)} [notice] 1#1: ${message}\n`;
  return [
    notice('using the "epoll" event method'),
    notice(version),
    notice(`built by ${compiler}`),
    notice(`OS: Linux ${nodeSystem.kernelVersion}`),
    notice('getrlimit(RLIMIT_NOFILE): 1024:524288'),
    notice('start worker processes'),
    ...workerPids.map((pid) => notice(`start worker process ${pid}`)),
  ].join('');
}

/** nginx's $time_local in a container on UTC: `02/Dec/2026:10:00:00 +0000`. */
function timeLocal(clock: Clock): string {
  const d = new Date(clock.epochMs + clock.now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${monthAbbr[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** One request as nginx logs it. */
export interface LoggedRequest {
  req: HttpRequest;
  clientIP: string;
  status: number;
  /** Bytes of the body sent ($body_bytes_sent): 0 for HEAD. */
  bodyBytes: number;
  /**
   * Why nginx found nothing to send: a file that is not there (`open`), a directory that is not
   * there (`index`, its index file's path), or a directory with no index file (`forbidden`).
   */
  missing?: { path: string; why: 'open' | 'index' | 'forbidden' };
}

/**
 * The log lines of one request: the `[error]` line of a missing file on stderr (written while the
 * request is handled), then the access line on stdout (written when it ends).
 */
export function requestLog(clock: Clock, connection: number, r: LoggedRequest): { stdout: string; stderr: string } {
  const get = (name: string) => header(r.req.headers, name);
  const requestLine = `${r.req.method} ${r.req.path} HTTP/1.1`;
  const quoted = (value: string | undefined) => `"${value ?? '-'}"`;
  const stdout = `${r.clientIP} - - [${timeLocal(clock)}] "${requestLine}" ${r.status} ${r.bodyBytes} ${quoted(get('Referer'))} ${quoted(get('User-Agent'))} ${quoted(get('X-Forwarded-For'))}\n`;
  if (!r.missing) return { stdout, stderr: '' };
  const pid = workerPids[0];
  const enoent = '(2: No such file or directory)';
  const what = {
    open: `open() "${r.missing.path}" failed ${enoent}`,
    index: `"${r.missing.path}" is not found ${enoent}`,
    forbidden: `directory index of "${r.missing.path}" is forbidden`,
  }[r.missing.why];
  const host = get('Host');
  const stderr = `${slashDateTime(clock)} [error] ${pid}#${pid}: *${connection} ${what}, client: ${r.clientIP}, server: localhost, request: "${requestLine}"${host === undefined ? '' : `, host: "${host}"`}\n`;
  return { stdout, stderr };
}
