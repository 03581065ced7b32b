import { kindInfo } from './kinds';

/**
 * An error the API server returns, printed as kubectl prints it:
 * `Error from server (NotFound): pods "web" not found`.
 */
export class ApiError extends Error {
  constructor(
    readonly reason: 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'InternalError' | 'RequestEntityTooLarge',
    message: string,
    /** An Invalid error's details: the kind (without its group), the name and each field's cause. */
    readonly details?: { kind: string; name: string; causes: string[] },
  ) {
    super(message);
  }

  /**
   * What kubectl prints when this is the command's only error (cmdutil checkErr): an Invalid
   * error as `The Deployment "web" is invalid: CAUSE`, several causes one per `* ` line; any other
   * as `Error from server (NotFound): pods "web" not found`. Source:
   * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, MultilineError, StandardErrorMessage).
   */
  toString(suffix = ''): string {
    const d = this.details;
    if (!d) return `${this.listed()}${suffix}`;
    const head = `The ${d.kind} "${d.name}" is invalid: `;
    return d.causes.length === 1 ? `${head}${d.causes[0]}${suffix}` : `${head}\n${d.causes.map((c, i) => `* ${c}${i === 0 ? suffix : ''}`).join('\n')}`;
  }

  /** What kubectl prints for this error among several (helpers.go MultipleErrors). */
  listed(): string {
    return `Error from server (${this.reason}): ${this.message}`;
  }

  /**
   * The API server's Invalid error (apimachinery errors.NewInvalid): `Deployment.apps "web" is
   * invalid: CAUSE`, several causes as `[a, b]`.
   */
  static invalid(obj: { kind: string; metadata: { name: string } }, causes: string[]): ApiError {
    const version = kindInfo(obj.kind)?.apiVersion ?? '';
    const group = version.includes('/') ? `.${version.split('/')[0]}` : '';
    const detail = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
    return new ApiError('Invalid', `${obj.kind}${group} "${obj.metadata.name}" is invalid: ${detail}`, { kind: obj.kind, name: obj.metadata.name, causes });
  }

  /** The same error as a request for `source` returns it (kubectl's AddSourceToErr): `error when creating "web.yaml": …`. */
  withSource(verb: string, source: string): ApiError {
    return new ApiError(this.reason, `error when ${verb} "${source}": ${this.message}`, this.details);
  }

  static notFound(kind: string, name: string): ApiError {
    return new ApiError('NotFound', `${resourceName(kind)} "${name}" not found`);
  }

  static alreadyExists(kind: string, name: string): ApiError {
    return new ApiError('AlreadyExists', `${resourceName(kind)} "${name}" already exists`);
  }
}

/** `pods`, `deployments.apps`, `endpointslices.discovery.k8s.io`: the resource as kubectl names it in errors. */
export function resourceName(kind: string): string {
  const info = kindInfo(kind);
  if (!info) return kind.toLowerCase();
  const group = info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
  return group ? `${info.plural}.${group}` : info.plural;
}
