// Which of the API's operations METHOD PATH is, checked before anything is sent, and how it
// paginates for --paginate.
import type { HttpMethod } from '../../api/endpoints.js';
import { closestOperations, findOperation, methodsFor } from '../../api/operation-match.js';
import type { Operation } from '../../api/operations.js';
import { UsageError } from '../../errors.js';

export function checkOperation(method: HttpMethod, path: string, given: string): Operation {
  const match = findOperation(method, path);
  if (match) return match.operation;
  const allowed = methodsFor(path);
  if (allowed.length > 0) {
    const template = closestOperations(method, path, 1)[0]?.path ?? given;
    throw new UsageError(
      `${method} is not an operation of ${template}; it takes ${allowed.join(', ')} (-X ${allowed[0]}); nothing sent`,
    );
  }
  const close = closestOperations(method, path, 3).map((o) => `${o.method} ${o.path} (${o.summary})`);
  throw new UsageError(
    `${method} ${given} is not an operation of the Statuspage API${close.length ? `; closest: ${close.join(', ')}` : ''}; nothing sent`,
  );
}

export const PER_PAGE = 100;

/**
 * Where the spec says a list starts at page 0 ("The first page is page 0"); every other list
 * starts at page 1.
 */
const FIRST_PAGE_ZERO = new Set(['/pages/{page_id}/subscribers']);

export interface Paging {
  /** The query parameter that sets the page size: per_page, or limit where that is all the operation takes. */
  size: 'per_page' | 'limit';
  first: number;
}

export function pagingOf(operation: Operation, method: HttpMethod): Paging {
  if (method !== 'GET') {
    throw new UsageError(`--paginate reads a list with GET, not ${method}; -f/-F make the default POST: add -X GET`);
  }
  const { pagination } = operation;
  if (!pagination.includes('page') || (!pagination.includes('per_page') && !pagination.includes('limit'))) {
    throw new UsageError(`--paginate: GET ${operation.path} is not paginated; drop --paginate`);
  }
  return {
    size: pagination.includes('per_page') ? 'per_page' : 'limit',
    first: FIRST_PAGE_ZERO.has(operation.path) ? 0 : 1,
  };
}
