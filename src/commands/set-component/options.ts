import type { ComponentStatus } from '../../api/constants.js';
import type { ParseFunction } from '../../cli/command-kit.js';
import {
  type ComponentRef,
  commandSchema,
  componentRefsSchema,
  componentStatusSchema,
  connectionShape,
  outputShape,
} from '../../cli/option-schemas.js';
import { UsageError } from '../../errors.js';
import { parseOptions } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const setComponentOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  status: z.optional(componentStatusSchema),
});
type SetComponentFlags = z.infer<typeof setComponentOptionsSchema>;

export type SetComponentOptions = SetComponentFlags & { named: NamedComponent[] };

/** A component as named on the command line, with the status it is to get. */
export interface NamedComponent {
  ref: string;
  /** The argument as typed, when a comma split it. */
  typed?: string;
  status: ComponentStatus;
  /** The status came from -s rather than NAME=STATUS. */
  fromFlag: boolean;
}

/**
 * The NAME[=STATUS] arguments (commas separate names too, as for -c). Each needs a status, of its
 * own or from -s; -s that no argument takes would be ignored, and is refused instead.
 */
export function namedComponents(args: readonly string[], fallback: ComponentStatus | undefined): NamedComponent[] {
  const parsed = componentRefsSchema.safeParse([...args]);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid component');
  const refs: ComponentRef[] = parsed.data;
  if (refs.length === 0) throw new UsageError('name a component: NAME=STATUS, or NAME -s STATUS');
  const bare = refs.find((r) => r.status === undefined);
  if (bare && fallback === undefined) {
    throw new UsageError(`'${bare.ref}' has no status: give ${bare.ref}=STATUS, or -s STATUS`);
  }
  if (!bare && fallback !== undefined) {
    const named = refs.map((r) => `'${r.ref}=${r.status}'`).join(', ');
    throw new UsageError(
      `-s ${fallback} applies to no component: every one named has its own status (${named}); leave out -s, or name one without =STATUS`,
    );
  }
  return refs.map((r) => ({
    ref: r.ref,
    ...(r.typed === undefined ? {} : { typed: r.typed }),
    ...(r.status === undefined
      ? { status: fallback as ComponentStatus, fromFlag: true }
      : { status: r.status, fromFlag: false }),
  }));
}

/** The flags, and the components named with the status each is to get. */
export const parseSetComponent: ParseFunction<SetComponentOptions> = (_io, raw, args) => {
  const options = parseOptions(setComponentOptionsSchema, raw);
  return { ...options, named: namedComponents(args, options.status) };
};
