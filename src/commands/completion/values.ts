// The values an option accepts, read from the zod schema that validates it, so completion
// offers exactly what the CLI accepts.
import { sharedFlagsSchema } from '../../cli/option-schemas.js';
import * as z from '../../zod.js';
import { apiOptionsSchema } from '../api/options.js';
import { loginOptionsSchema, logoutOptionsSchema, statusOptionsSchema } from '../auth/options.js';
import { cancelMaintenanceOptionsSchema } from '../cancel-maintenance/options.js';
import { createIncidentOptionsSchema } from '../create-incident/options.js';
import { editUpdateOptionsSchema } from '../edit-update/options.js';
import { listIncidentsOptionsSchema } from '../list-incidents/options.js';
import { listPagesOptionsSchema } from '../list-pages/options.js';
import {
  draftPostmortemOptionsSchema,
  publishPostmortemOptionsSchema,
  revertPostmortemOptionsSchema,
  showPostmortemOptionsSchema,
} from '../postmortem/options.js';
import { profileAddOptionsSchema, profileListOptionsSchema, profileNameOnlySchema } from '../profile/options.js';
import { resolveIncidentOptionsSchema } from '../resolve-incident/options.js';
import { sandboxExecOptionsSchema, sandboxResetOptionsSchema, sandboxServeOptionsSchema } from '../sandbox/options.js';
import { scheduleMaintenanceOptionsSchema } from '../schedule-maintenance/options.js';
import { setComponentOptionsSchema } from '../set-component/options.js';
import { showIncidentOptionsSchema } from '../show-incident/options.js';
import { pageStatusOptionsSchema } from '../status/options.js';
import { updateIncidentOptionsSchema } from '../update-incident/options.js';

/** By command path: `create-incident`, `auth login`. */
const OPTION_SCHEMAS: Readonly<Record<string, z.ZodMiniObject>> = {
  'create-incident': createIncidentOptionsSchema,
  'update-incident': updateIncidentOptionsSchema,
  'schedule-maintenance': scheduleMaintenanceOptionsSchema,
  'resolve-incident': resolveIncidentOptionsSchema,
  'cancel-maintenance': cancelMaintenanceOptionsSchema,
  'list-components': sharedFlagsSchema,
  'list-incidents': listIncidentsOptionsSchema,
  'show-incident': showIncidentOptionsSchema,
  status: pageStatusOptionsSchema,
  'set-component': setComponentOptionsSchema,
  'list-templates': sharedFlagsSchema,
  'edit-update': editUpdateOptionsSchema,
  'postmortem show': showPostmortemOptionsSchema,
  'postmortem draft': draftPostmortemOptionsSchema,
  'postmortem publish': publishPostmortemOptionsSchema,
  'postmortem revert': revertPostmortemOptionsSchema,
  api: apiOptionsSchema,
  'sandbox serve': sandboxServeOptionsSchema,
  'sandbox exec': sandboxExecOptionsSchema,
  'sandbox reset': sandboxResetOptionsSchema,
  'auth login': loginOptionsSchema,
  'auth status': statusOptionsSchema,
  'auth logout': logoutOptionsSchema,
  'list-pages': listPagesOptionsSchema,
  'profile add': profileAddOptionsSchema,
  'profile list': profileListOptionsSchema,
  'profile use': profileNameOnlySchema,
  'profile remove': profileNameOnlySchema,
};

export function hasOptionSchema(command: string): boolean {
  return command in OPTION_SCHEMAS;
}

/** The enum behind `--flag` of `command` (its path, by commander's attribute name), if it has one. */
export function optionValues(command: string, attribute: string): readonly string[] | undefined {
  let field: unknown = OPTION_SCHEMAS[command]?.shape[attribute];
  // A pipe (`-X get` upper-cased, then checked) accepts what its output schema does.
  while (field instanceof z.ZodMiniOptional || field instanceof z.ZodMiniDefault || field instanceof z.ZodMiniPipe) {
    field = field instanceof z.ZodMiniPipe ? field._zod.def.out : field._zod.def.innerType;
  }
  return field instanceof z.ZodMiniEnum ? (field.options as readonly (string | number)[]).map(String) : undefined;
}
