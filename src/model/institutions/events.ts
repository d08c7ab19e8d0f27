/** The `leave` and `join` scenario events: a state leaves or joins an institution in a given year. */
import { z } from 'zod';
import { nearest } from '../../suggest.js';
import type { EventSpec } from '../module.js';
import type { WorldData } from '../world-data.js';

/** An institution id of the dataset; an unknown one is refused with the nearest ids and the full list. */
function institutionId(data: WorldData): z.ZodType<string> {
  const ids = data.institutions.list.map((d) => d.id);
  return z
    .string()
    .superRefine((value, ctx) => {
      if (!ids.includes(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown institution '${value}'; did you mean ${nearest(value.toUpperCase(), ids).join(', ')}? (known: ${ids.join(', ')})`,
        });
      }
    })
    .describe(`Institution id in the data: ${ids.join(', ')}`);
}

export const MEMBERSHIP_EVENTS: readonly EventSpec[] = [
  {
    type: 'leave',
    description: 'a state leaves an institution, e.g. {year: 2026, type: leave, iso3: USA, institution: WHO}',
    fields: (v) => ({ iso3: v.country, institution: institutionId(v.data) }),
  },
  {
    type: 'join',
    description:
      'a state joins (or rejoins) an institution, e.g. {year: 2029, type: join, iso3: USA, institution: PARIS}',
    fields: (v) => ({ iso3: v.country, institution: institutionId(v.data) }),
  },
];
