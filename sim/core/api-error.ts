import { kindInfo } from '../api/kinds';

/**
 * An error the API server returns, printed as kubectl prints it:
 * `Error from server (NotFound): pods "web" not found`.
 */
export class ApiError extends Error {
  constructor(
    readonly reason: 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'InternalError',
    message: string,
  ) {
    super(message);
  }

  /** The line kubectl prints to stderr. */
  toString(): string {
    return `Error from server (${this.reason}): ${this.message}`;
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
