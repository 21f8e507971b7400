import type { HttpMethod } from '../../api/endpoints.js';
import { readPages } from '../../cli/read-all.js';
import { type Session, withSession } from '../../cli/session.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../../output/io.js';
import { readFields, readInput } from './fields.js';
import { checkOperation, type Paging, PER_PAGE, pagingOf } from './operation.js';
import type { ApiOptions } from './options.js';
import { type ApiPath, apiPath, apiRequest, fieldsAsBody, fieldsAsQuery, usesPage } from './request.js';

export async function runApi(io: Io, options: ApiOptions): Promise<void> {
  const needsPage = usesPage(options.path);
  // Checked before anything is sent: the page's ID fills a {page_id} segment, which any value matches.
  const target = apiPath(options.path, needsPage ? 'page' : undefined);
  const fields = await readFields(io, options);
  const sendsData = fields.length > 0 || options.input !== undefined;
  const method: HttpMethod = options.method ?? (sendsData ? 'POST' : 'GET');
  if (method === 'GET' && options.input !== undefined) {
    throw new UsageError('--input sends a body, which a GET does not take; give -X POST, PUT or PATCH');
  }
  const operation = checkOperation(method, target.path, options.path);
  const paging = options.paginate ? pagingOf(operation, method) : undefined;
  const body =
    options.input !== undefined ? await readInput(io, options.input, options.timeout, options.token) : undefined;
  const query = method === 'GET' ? fieldsAsQuery(fields, target.query) : target.query;
  const payload = method === 'GET' ? undefined : (body ?? (fields.length > 0 ? fieldsAsBody(fields) : undefined));
  if (paging) assertPagingFree(query, paging);
  await withSession(
    io,
    options,
    async (session) => {
      const sent: ApiPath = { path: apiPath(options.path, needsPage ? session.pageId : undefined).path, query };
      if (paging && !options.dryRun) return io.json(await readAll(session, sent, paging, options));
      const req = apiRequest(method, paging ? pageOf(sent, paging, paging.first) : sent, payload);
      // A dry run sends nothing, not even a GET: it is how to see a request before sending it.
      const answer = method === 'GET' && !options.dryRun ? await session.read(req) : await session.write(req);
      // An empty answer (204, or a write that returns nothing) prints nothing.
      if (answer !== undefined && answer !== null) io.json(answer);
    },
    { needsPage },
  );
}

function assertPagingFree(query: Record<string, string>, paging: Paging): void {
  for (const name of ['page', paging.size]) {
    if (Object.hasOwn(query, name)) throw new UsageError(`--paginate sets '${name}' itself; drop it from the query`);
  }
}

function pageOf(target: ApiPath, paging: Paging, page: number): ApiPath {
  return { path: target.path, query: { ...target.query, page: String(page), [paging.size]: String(PER_PAGE) } };
}

const asArray = (json: unknown): unknown[] => {
  if (!Array.isArray(json)) throw new Error('not a JSON array');
  return json;
};

async function readAll(session: Session, target: ApiPath, paging: Paging, options: ApiOptions): Promise<unknown[]> {
  const what = `GET ${options.path}`;
  return readPages(
    session,
    (n) => apiRequest('GET', pageOf(target, paging, paging.first + n - 1), undefined, asArray),
    PER_PAGE,
    what,
  );
}
