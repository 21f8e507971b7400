import { getIncident } from '../../api/endpoints.js';
import type { Incident } from '../../api/schemas.js';
import { openInBrowser } from '../../cli/browser.js';
import { withSession } from '../../cli/session.js';
import { CliError, ExitCode } from '../../errors.js';
import { colorsFor } from '../../output/color.js';
import { instantsFor } from '../../output/instant.js';
import type { Io } from '../../output/io.js';
import { renderMarkdown } from './markdown.js';
import type { ShowIncidentOptions } from './options.js';
import { renderIncident } from './render.js';

export async function runShowIncident(io: Io, options: ShowIncidentOptions): Promise<void> {
  await withSession(io, options, async (session) => {
    const incident = await session.read(getIncident(session.pageId, options.incident));
    if (options.json) io.json(incident);
    else if (options.markdown) io.write('stdout', renderMarkdown(incident));
    else if (options.web) await openWeb(io, incident);
    else io.out(renderIncident(incident, await colorsFor(io, 'stdout'), instantsFor(io)));
  });
}

/** The short link opened in a browser; printed on stdout where none opens, or for a pipe. */
async function openWeb(io: Io, incident: Incident): Promise<void> {
  const url = webUrl(incident);
  if (!io.stdoutIsTTY) {
    io.out(url);
    return;
  }
  const outcome = await openInBrowser(url, { platform: io.platform, env: io.env });
  if (outcome.opened) {
    io.err(`Opening ${url} in your browser.`);
    return;
  }
  // $BROWSER set to none or empty is a choice, not a failure: it gets no note.
  if (!outcome.declined) io.err(`could not open a browser: ${outcome.why}`);
  io.out(url);
}

/** The link as a web address: anything else from the API is never handed to an opener. */
function webUrl(incident: Incident): string {
  const link = incident.shortlink;
  if (!link) throw new CliError(`${incident.id} has no short link to open`, ExitCode.apiError);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new CliError(`${incident.id}'s short link '${link}' is not a web address; not opened`, ExitCode.apiError);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(`${incident.id}'s short link '${link}' is not a web address; not opened`, ExitCode.apiError);
  }
  return url.href;
}
