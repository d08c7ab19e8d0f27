/**
 * What a scenario file may say. Strict: an unknown key is an error, so a typo never passes silently.
 * Parameter ids and values are checked against the registry separately (with suggestions).
 */
import { z } from 'zod';

/** The latest year a run may reach: FaIR and the convergence equations are not meant beyond it. */
export const MAX_YEAR = 2300;

export const scenarioSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens')
      .describe('The scenario name: lower-case letters, digits and hyphens'),
    description: z.string().min(1).describe('What this future assumes, in a sentence or two'),
    seed: z
      .number()
      .int({ error: 'must be a whole number' })
      .min(0)
      .max(2 ** 31 - 1)
      .describe("The seeded generator's seed: the same seed gives the same results"),
    first_year: z
      .number()
      .int({ error: 'must be a whole year' })
      .describe('First year written to the results: the base year of the data or later'),
    last_year: z
      .number()
      .int({ error: 'must be a whole year' })
      .max(MAX_YEAR)
      .describe('Last year simulated'),
    parameters: z
      .record(z.string(), z.number())
      .default({})
      .describe('Parameter values by registry id, levers included; each checked against its range'),
    /** Timed events, `{year, type, ...}`: each type's fields are checked against its module's spec. */
    events: z
      .array(z.looseObject({ year: z.number().int({ error: 'must be a whole year' }), type: z.string() }))
      .default([])
      .describe('Timed events, `{year, type, ...}`, each type declared by a module (below)'),
  })
  .strict()
  .refine((s) => s.first_year <= s.last_year, {
    message: 'first_year must not be after last_year',
    path: ['last_year'],
  });

export type Scenario = z.infer<typeof scenarioSchema>;
