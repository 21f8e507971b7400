// Prints a list the way the user asked: a table on a terminal (tab-separated lines in a
// pipe), the API's array as JSON, or only the IDs.
import { colorsFor } from './color.js';
import type { OutputMode } from './emit-incident.js';
import { printData, printMessage } from './io.js';
import { type Column, renderTable, renderTsv } from './table.js';

export interface ListView<T> {
  columns: readonly Column<T>[];
  id: (item: T) => string;
  /** Said on stderr, on a terminal only, when there is nothing to list. */
  empty: string;
}

export async function emitList<T>(items: readonly T[], view: ListView<T>, mode: OutputMode): Promise<void> {
  if (mode.json) {
    printData(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    if (!mode.quiet && process.stdout.isTTY) printMessage(view.empty);
    return;
  }
  if (mode.quiet) printData(items.map(view.id).join('\n'));
  else if (process.stdout.isTTY) printData(renderTable(items, view.columns, await colorsFor(process.stdout)));
  else printData(renderTsv(items, view.columns));
}
