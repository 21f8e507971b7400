// Prints a list the way the user asked: a table on a terminal (tab-separated lines in a
// pipe), the API's array as JSON, or only the IDs.
import { colorsFor } from './color.js';
import type { OutputMode } from './emit-incident.js';
import type { Io } from './io.js';
import { type Column, renderTable, renderTsv } from './table.js';

export interface ListView<T> {
  columns: readonly Column<T>[];
  id: (item: T) => string;
  /** Said on stderr, on a terminal only, when there is nothing to list. */
  empty: string;
}

export async function emitList<T>(io: Io, items: readonly T[], view: ListView<T>, mode: OutputMode): Promise<void> {
  if (mode.json) {
    io.json(items);
    return;
  }
  if (items.length === 0) {
    if (!mode.quiet && io.stdoutIsTTY) io.err(view.empty);
    return;
  }
  if (mode.quiet) io.out(items.map(view.id).join('\n'));
  else if (io.stdoutIsTTY) io.out(renderTable(items, view.columns, await colorsFor(io, 'stdout')));
  else io.out(renderTsv(items, view.columns));
}
