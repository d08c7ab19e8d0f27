/**
 * Checks a scenario's timed events against the event types the modules declare (EVENT_SPECS) and the
 * states in the data. Each problem is reported with its path, which the loader turns into a line.
 */
import { z } from 'zod';
import type { EventSpec, EventValidators, ScenarioEvent } from '../model/module.js';
import type { WorldData } from '../model/world-data.js';
import { nearest } from '../suggest.js';

export interface EventProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

function validators(data: WorldData): EventValidators {
  const codes = new Set(data.countries.iso3);
  const known = (value: string, ctx: z.RefinementCtx) => {
    if (!codes.has(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown country code '${value}'; did you mean ${nearest(value.toUpperCase(), data.countries.iso3).join(', ')}?`,
      });
    }
  };
  return {
    country: z.string().superRefine(known),
    countryOrAll: z.string().superRefine((v, ctx) => (v === '*' ? undefined : known(v, ctx))),
    data,
  };
}

/** The validated events, or the first problem. Events may fall in (baseYear, lastYear]. */
export function checkEvents(
  events: readonly Record<string, unknown>[],
  specs: readonly EventSpec[],
  data: WorldData,
  lastYear: number,
): { events: ScenarioEvent[] } | { problem: EventProblem } {
  const v = validators(data);
  const out: ScenarioEvent[] = [];
  for (const [i, e] of events.entries()) {
    const spec = specs.find((s) => s.type === e.type);
    if (!spec) {
      const known = specs.map((s) => s.type);
      return {
        problem: {
          path: ['events', i, 'type'],
          message: `unknown event type '${String(e.type)}'; known types: ${known.length ? known.join(', ') : '(none yet)'}`,
        },
      };
    }
    const year = e.year as number;
    if (year <= data.baseYear || year > lastYear) {
      return {
        problem: {
          path: ['events', i, 'year'],
          message: `event year ${year} is outside the run: it must be after the base year ${data.baseYear} and at most last_year ${lastYear}`,
        },
      };
    }
    const parsed = z.strictObject({ year: z.number(), type: z.string(), ...spec.fields(v) }).safeParse(e);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.code === 'unrecognized_keys' ? [issue.keys[0]] : issue.path;
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown field '${issue.keys[0]}' for a '${spec.type}' event; fields: ${Object.keys(spec.fields(v)).join(', ')}`
          : `${spec.type} event: ${issue.path.join('.')}: ${issue.message}`;
      return { problem: { path: ['events', i, ...where], message } };
    }
    out.push(parsed.data as ScenarioEvent);
  }
  return { events: out };
}
