import type { Secret } from '../../api/types';
import { encodeBase64 } from '../../api/base64';
import { SecretTypeTLS, TLSCertKey, TLSPrivateKeyKey } from '../../api/validation/secret';
import { pemBlocks } from '../../net/tls/pem';
import { parseCertificates } from '../../net/tls/x509';
import { keyMatchesCertificate } from '../../net/tls/private-key';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { createObject } from './create-object';
import { dataFromSources } from './data-sources';
import { isError, oneName, parseFlags } from './flags';

/**
 * `kubectl create secret generic|tls NAME …`, as kubectl's create_secret.go and
 * create_secret_tls.go build them: values base64-encoded into `data`.
 */
export function kubectlCreateSecret(ctx: CommandContext, argv: string[]): ExecResult {
  const [type, ...rest] = argv;
  if (type === 'generic') return createGeneric(ctx, rest);
  if (type === 'tls') return createTLS(ctx, rest);
  if (type === 'docker-registry') return kubectlError('"kubectl create secret docker-registry" is not simulated here; the simulator creates: secret generic, secret tls');
  return { stdout: '', stderr: `error: unknown command "${type ?? ''}" for "kubectl create secret"\n`, exitCode: 1 };
}

/** `kubectl create secret generic NAME [--type=T] [--from-literal=K=V]… [--from-file=[K=]PATH]…`. */
function createGeneric(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'from-literal', repeated: true }, { long: 'from-file', repeated: true }, { long: 'type' }], 'create secret generic');
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  const sources = dataFromSources(ctx, parsed, 'Secret', name);
  if ('error' in sources) return sources.error;
  const data = Object.fromEntries(Object.entries(sources.data).map(([k, v]) => [k, encodeBase64(v)]));
  const type = parsed.values.get('type');
  return createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: namespaceOf(parsed.values) },
    data,
    ...(type ? { type } : {}),
  } as Secret);
}

/**
 * `kubectl create secret tls NAME --cert=PATH --key=PATH`: both files must hold PEM data, and the
 * key must be the certificate's, as Go's tls.X509KeyPair checks before anything is sent (its messages).
 */
function createTLS(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'cert' }, { long: 'key' }], 'create secret tls');
  if (isError(parsed)) return parsed;
  const name = oneName(parsed);
  if (typeof name !== 'string') return name;
  const certPath = parsed.values.get('cert');
  const keyPath = parsed.values.get('key');
  if (!certPath || !keyPath) return kubectlError(`required flag(s) ${[!certPath && '"cert"', !keyPath && '"key"'].filter(Boolean).join(', ')} not set`);
  const cert = ctx.readFile(certPath);
  if (cert === undefined) return kubectlError(`open ${certPath}: no such file or directory`);
  const key = ctx.readFile(keyPath);
  if (key === undefined) return kubectlError(`open ${keyPath}: no such file or directory`);
  if (!pemBlocks(cert).some((b) => b.label === 'CERTIFICATE')) return kubectlError('tls: failed to find any PEM data in certificate input');
  if (!pemBlocks(key).some((b) => b.label.endsWith('PRIVATE KEY'))) return kubectlError('tls: failed to find any PEM data in key input');
  const [leaf] = parseCertificates(cert);
  if (!leaf) return kubectlError('x509: malformed certificate');
  const matches = keyMatchesCertificate(key, leaf);
  if (matches === undefined) return kubectlError('tls: failed to parse private key');
  if (!matches) return kubectlError('tls: private key does not match public key');
  return createObject(ctx.cluster.store, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: namespaceOf(parsed.values) },
    type: SecretTypeTLS,
    data: { [TLSCertKey]: encodeBase64(cert), [TLSPrivateKeyKey]: encodeBase64(key) },
  } as Secret);
}
