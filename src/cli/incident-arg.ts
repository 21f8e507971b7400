// The incident a command acts on: `--incident ID` (as documented) or a bare `ID` argument.
import { UsageError } from '../errors.js';

export function incidentFromArgs(flag: unknown, args: readonly string[]): string | undefined {
  const positional = args[0];
  if (args.length > 1)
    throw new UsageError(`too many arguments: ${args.map((a) => `'${a}'`).join(' ')}; give one incident ID`);
  if (typeof flag === 'string' && positional !== undefined && flag !== positional) {
    throw new UsageError(`--incident '${flag}' and the argument '${positional}' name different incidents`);
  }
  return typeof flag === 'string' ? flag : positional;
}
