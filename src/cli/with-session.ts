import type { CommonOptions } from './option-schemas.js';
import { Session } from './session.js';

/** Runs `body` with a session for the page, and always releases its connections. */
export async function withSession<T>(options: CommonOptions, body: (session: Session) => Promise<T>): Promise<T> {
  const session = new Session(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}
