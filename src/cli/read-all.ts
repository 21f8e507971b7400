// Every component of the page, following pagination to the end (the API serves at most 100 per page).
import { COMPONENTS_PER_PAGE, listComponents } from '../api/endpoints.js';
import type { Component } from '../api/schemas.js';
import type { Session } from './session.js';

const MAX_PAGES = 100;

export async function listAllComponents(session: Session): Promise<Component[]> {
  const all: Component[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = await session.read(listComponents(session.pageId, page));
    all.push(...batch);
    if (batch.length < COMPONENTS_PER_PAGE) break;
  }
  return all.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}
