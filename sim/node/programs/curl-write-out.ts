/**
 * `curl -w FORMAT` / `--write-out FORMAT`: what curl prints after each transfer, to stdout.
 * `%{name}` is a variable, `%%` a percent sign, `\n`, `\r` and `\t` a newline, carriage return and
 * tab; anything else is printed as it is. A variable curl does not know prints a warning on stderr
 * and nothing in its place. Times are seconds with six decimals (`%{time_total}` → `0.003080`).
 * Source: curl 8 src/tool_writeout.c (ourWriteOut, the variables table), curl(1) --write-out.
 */
export interface TransferInfo {
  /** The HTTP status received; 0 when no response came (curl prints `000`). */
  httpCode: number;
  /** The peer's address and port once connected; empty before. */
  remoteIP: string;
  remotePort: number;
  localIP: string;
  localPort: number;
  /** µs spent on the name lookup, until connected, and in all. */
  namelookupUs: number;
  connectUs: number;
  totalUs: number;
  sizeDownload: number;
  url: string;
  contentType?: string;
  exitCode: number;
  errorMessage: string;
}

const seconds = (us: number) => (us / 1e6).toFixed(6);

const variables: Record<string, (t: TransferInfo) => string> = {
  http_code: (t) => String(t.httpCode).padStart(3, '0'),
  response_code: (t) => String(t.httpCode).padStart(3, '0'),
  remote_ip: (t) => t.remoteIP,
  remote_port: (t) => (t.remotePort ? String(t.remotePort) : ''),
  local_ip: (t) => t.localIP,
  local_port: (t) => (t.localPort ? String(t.localPort) : ''),
  time_namelookup: (t) => seconds(t.namelookupUs),
  time_connect: (t) => seconds(t.connectUs),
  time_total: (t) => seconds(t.totalUs),
  size_download: (t) => String(t.sizeDownload),
  url: (t) => t.url,
  url_effective: (t) => t.url,
  content_type: (t) => t.contentType ?? '',
  exitcode: (t) => String(t.exitCode),
  errormsg: (t) => t.errorMessage,
};

/** The text -w prints for one transfer, and curl's warnings about the format. */
export function writeOut(format: string, info: TransferInfo): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '%' && format[i + 1] === '%') {
      stdout += '%';
      i++;
    } else if (ch === '%' && format[i + 1] === '{' && format.indexOf('}', i) > 0) {
      const end = format.indexOf('}', i);
      const name = format.slice(i + 2, end);
      const variable = variables[name];
      if (variable) stdout += variable(info);
      else stderr += `curl: unknown --write-out variable: '${name}'\n`;
      i = end;
    } else if (ch === '\\' && 'nrt'.includes(format[i + 1] ?? '')) {
      stdout += { n: '\n', r: '\r', t: '\t' }[format[i + 1] as 'n' | 'r' | 't'];
      i++;
    } else stdout += ch;
  }
  return { stdout, stderr };
}
