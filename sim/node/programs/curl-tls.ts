import type { ProgramContext } from '../programs';
import type { Connection } from '../../net/dataplane';
import { negotiated } from '../../net/tls/handshake';
import { parseCertificates, type X509 } from '../../net/tls/x509';
import { matchHost, verifyChain } from '../../net/tls/verify';
import { hostServerAt, serverAt } from '../http-exchange';
import type { Options, Target } from './curl';

/**
 * curl's side of a TLS handshake (curl 8.7 with OpenSSL 3), with what -v prints: the handshake
 * messages (lib/vtls/openssl.c ossl_trace), the negotiated parameters, the server certificate's
 * subject, dates, name match, issuer and verify result, and the errors curl exits with:
 * (35) when the server speaks no TLS or refuses the handshake, (60) when the certificate is not
 * trusted or not for this host, (77) when --cacert cannot be read.
 *
 * The trust store without --cacert is the image's CA bundle of public CAs; no simulated server has
 * a certificate from one, so only --cacert (or -k) makes a simulated certificate acceptable.
 */
export const OpenSslVersion = 'OpenSSL/3.0.13';
const systemBundle = '/etc/ssl/certs/ca-certificates.crt';
const moreAboutVerification =
  'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n';

export type Handshake = { ok: true; verbose: string } | { ok: false; verbose: string; code: number; message: string; more?: string };

/** The alerts a client sends when verification fails, as ossl_trace names them ((level 2 << 8) | description). */
const verifyAlerts: Record<number, string> = {
  7: 'decrypt error (563)',
  9: 'bad certificate (554)',
  10: 'certificate expired (557)',
  18: 'unknown CA (560)',
  19: 'unknown CA (560)',
  20: 'unknown CA (560)',
};

export function tlsHandshake(ctx: ProgramContext, client: { fs: Map<string, string> }, connection: Connection, target: Target, o: Options): Handshake {
  const lines: string[] = [];
  const info = (line: string) => lines.push(`* ${line}\n`);
  const done = (): string => lines.join('');
  const failed = (code: number, message: string, more?: string): Handshake => ({ ok: false, verbose: done(), code, message, more });

  let trusted: X509[] = [];
  if (o.cacert !== undefined) {
    const text = client.fs.get(o.cacert);
    if (text === undefined) return failed(77, `error setting certificate file: ${o.cacert}`);
    trusted = parseCertificates(text);
  }
  const sni = /^\d+\.\d+\.\d+\.\d+$/.test(target.host) ? undefined : target.host;
  info('ALPN: curl offers h2,http/1.1');
  info(`${negotiated.version} (OUT), TLS handshake, Client hello (1):`);
  if (!o.insecure) {
    info(` CAfile: ${o.cacert ?? systemBundle}`);
    info(' CApath: none');
  }
  const socket = `TCP/${connection.delivered?.dport ?? 0}`;
  const offer = serverAt(connection, socket)?.tls?.(socket, sni) ?? hostServerAt(connection, socket)?.tls?.(sni);
  // A plain-HTTP server answers the Client hello with an HTTP error page: not a TLS record.
  if (!offer) return failed(35, `${OpenSslVersion}: error:0A00010B:SSL routines::wrong version number`);
  if ('reject' in offer) {
    info(`${negotiated.version} (IN), TLS alert, unrecognized name (624):`);
    return failed(35, `${OpenSslVersion}: error:0A000458:SSL routines::tlsv1 unrecognized name`);
  }
  const chain = parseCertificates(offer.chain);
  const leaf = chain[0];
  if (!leaf) return failed(35, `${OpenSslVersion}: error:0A000086:SSL routines::certificate verify failed`);
  const now = ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
  const verdict = verifyChain(chain, trusted, now);
  info(`${negotiated.version} (IN), TLS handshake, Server hello (2):`);
  info(`${negotiated.version} (IN), TLS handshake, Encrypted Extensions (8):`);
  info(`${negotiated.version} (IN), TLS handshake, Certificate (11):`);
  if (!verdict.ok && !o.insecure) {
    info(`${negotiated.version} (OUT), TLS alert, ${verifyAlerts[verdict.code] ?? 'bad certificate (554)'}:`);
    return failed(60, `SSL certificate problem: ${verdict.reason}`, moreAboutVerification);
  }
  info(`${negotiated.version} (IN), TLS handshake, CERT verify (15):`);
  info(`${negotiated.version} (IN), TLS handshake, Finished (20):`);
  info(`${negotiated.version} (OUT), TLS change cipher, Change cipher spec (1):`);
  info(`${negotiated.version} (OUT), TLS handshake, Finished (20):`);
  info(`SSL connection using ${negotiated.version} / ${negotiated.cipher} / ${negotiated.group} / ${leaf.keyType === 'RSA' ? 'RSASSA-PSS' : 'id-ecPublicKey'}`);
  info('ALPN: server accepted http/1.1');
  info('Server certificate:');
  info(` subject: ${leaf.subject}`);
  info(` start date: ${asn1Time(leaf.notBefore)}`);
  info(` expire date: ${asn1Time(leaf.notAfter)}`);
  if (!o.insecure && sni) {
    const matched = matchHost(leaf, sni);
    if (!matched) {
      info(` subjectAltName does not match host name ${sni}`);
      return failed(60, `SSL: no alternative certificate subject name matches target host name '${sni}'`, moreAboutVerification);
    }
    info(` subjectAltName: host "${sni}" matched cert's "${matched}"`);
  }
  info(` issuer: ${leaf.issuer}`);
  info(verdict.ok ? ' SSL certificate verify ok.' : ` SSL certificate verify result: ${verdict.reason} (${verdict.code}), continuing anyway.`);
  chain.forEach((c, level) => info(`  Certificate level ${level}: Public key type ${c.keyType} (${c.keyBits}/${securityBits(c)} Bits/secBits), signed using ${c.signatureAlgorithm}`));
  info('using HTTP/1.x');
  return { ok: true, verbose: done() };
}

/** OpenSSL's ASN1_TIME_print: `Dec  1 00:00:00 2025 GMT`. */
function asn1Time(ms: number): string {
  const d = new Date(ms);
  const month = d.toUTCString().slice(8, 11);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${month} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/** EVP_PKEY_get_security_bits: half the curve size for EC; NIST SP 800-57 strengths for RSA. */
function securityBits(c: X509): number {
  if (c.keyType !== 'RSA') return c.keyBits / 2;
  if (c.keyBits >= 15360) return 256;
  if (c.keyBits >= 7680) return 192;
  if (c.keyBits >= 3072) return 128;
  if (c.keyBits >= 2048) return 112;
  return 80;
}
