// The body of PATCH /pages/{page}/components/{id}: the status, and nothing else about the component.
import type { ComponentStatus } from '../../api/constants.js';
import type { UpdateComponentBody } from '../../api/schemas.js';

export function buildSetComponentBody(status: ComponentStatus): UpdateComponentBody {
  return { component: { status } };
}
