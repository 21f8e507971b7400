import type * as z from 'zod';
import { commonOptionsSchema } from '../../cli/option-schemas.js';

export const listComponentsOptionsSchema = commonOptionsSchema;
export type ListComponentsOptions = z.infer<typeof listComponentsOptionsSchema>;
