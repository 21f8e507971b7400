import { updateComponent } from '../../api/endpoints.js';
import type { Component, Incident } from '../../api/schemas.js';
import { listAllComponents, listAllIncidents } from '../../cli/read-all.js';
import { type Session, withSession } from '../../cli/session.js';
import { CliError } from '../../errors.js';
import { type Colors, colorsFor, styleState } from '../../output/color.js';
import { pageOrder } from '../../output/component-list.js';
import type { Io } from '../../output/io.js';
import type { SetComponentOptions } from './options.js';
import { changes, planSteps, type Step } from './plan.js';
import { buildSetComponentBody } from './request.js';

export async function runSetComponent(io: Io, options: SetComponentOptions): Promise<void> {
  const { named } = options;
  await withSession(io, options, async (session) => {
    const components = await session.readingFor('set-component reads the component list first', () =>
      listAllComponents(session),
    );
    const steps = planSteps(named, pageOrder(components));
    const changing = steps.filter(changes);
    if (changing.length > 0) noteIncidents(io, changing, await openIncidents(session));
    // With --json, -q or --dry-run, stdout carries something else: "not changed" goes to stderr.
    const plain = !options.json && !options.quiet && !options.dryRun;
    const c: Colors | undefined = plain ? await colorsFor(io, 'stdout') : undefined;
    const updated: Component[] = [];
    const done: Step[] = [];
    for (const step of steps) {
      const name = step.component.name;
      if (!changes(step)) {
        if (c) io.out(`${name}: already ${styleState(step.to, c)}; not changed`);
        else io.err(`${name}: already ${step.to}; not changed`);
        continue;
      }
      // Dry runs print one request after another: a blank line between them, as between paragraphs.
      if (options.dryRun && !options.json && step !== changing[0]) io.out('');
      const req = updateComponent(session.pageId, step.component.id, buildSetComponentBody(step.to), name);
      let result: Component | undefined;
      try {
        result = await session.write(req);
      } catch (error) {
        throw withProgress(error, done, changing.slice(changing.indexOf(step) + 1));
      }
      if (!result) continue;
      updated.push(result);
      done.push(step);
      if (options.quiet) io.out(result.id);
      else if (c) io.out(`${name}: ${styleState(step.from, c)} → ${styleState(result.status || step.to, c)}`);
    }
    if (options.json && !options.dryRun) io.json(updated);
  });
}

async function openIncidents(session: Session): Promise<Incident[]> {
  return session.readingFor('set-component reads the unresolved incidents, to note the ones listing a component', () =>
    listAllIncidents(session, 'unresolved'),
  );
}

/** An incident records its components' statuses in its own updates: setting one here does not change them. */
function noteIncidents(io: Io, steps: readonly Step[], incidents: readonly Incident[]): void {
  for (const { component } of steps) {
    const listing = incidents.filter((i) => (i.components ?? []).some((c) => c.id === component.id));
    if (listing.length === 0) continue;
    const which = listing.map((i) => `${i.id} "${i.name}"`).join(', ');
    const keeps = listing.length === 1 ? 'the incident keeps its own record' : 'the incidents keep their own records';
    io.err(`note: ${component.name} is attached to ${which}; ${keeps}`);
  }
}

/** A failure part-way says what was already changed and what was not sent. */
function withProgress(error: unknown, done: readonly Step[], unsent: readonly Step[]): unknown {
  if (!(error instanceof CliError)) return error;
  const notes = [
    ...(done.length > 0 ? [`already changed: ${done.map((s) => `${s.component.name} (→ ${s.to})`).join(', ')}`] : []),
    ...(unsent.length > 0 ? [`not sent: ${unsent.map((s) => s.component.name).join(', ')}`] : []),
  ];
  return notes.length > 0 ? error.withNote(notes.join('; ')) : error;
}
