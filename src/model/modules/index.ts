/**
 * The modules and the fixed order in which they run each year. A module reads what the modules before it
 * wrote this year and what the modules after it wrote last year:
 *   1. demography    population, plus last year's refugee flows
 *   2. economy       GDP per capita and GDP, net of last year's losses (every loss channel: damages, crises,
 *                    real income, wars, reform and labor costs)
 *   3. trade         tariffs, retaliation, the trade equilibrium; real-income losses for next year
 *   4. labor         displacement by offshoring and automation, re-employment, Gini
 *   5. reforms       the four reforms' intensities this year and their costs
 *   6. politics      nationalist support, media literacy (civic education), elections and stance; what governments do
 *   7. institutions  memberships, funding, legitimacy, effectiveness; governance capacity, perceived failure
 *   8. security      dispute hazards (last year's democracy), wars, their losses, refugees; hotspots
 *   9. crises        pandemics, financial crises, climate disasters, refugee crises; losses for next year
 *  10. cooperation   abatement below current policies, the climate club
 *  11. climate       emissions (net of abatement), concentration, warming; damages for next year
 *  12. values        democracy (this year's growth and last year's neighbours), population-weighted democracy
 * A new mechanism goes in its own file here, and into this list where its inputs are ready.
 */
import type { Module } from '../module.js';
import { climate } from './climate.js';
import { cooperation } from './cooperation.js';
import { crises } from './crises.js';
import { demography } from './demography.js';
import { economy } from './economy.js';
import { institutions } from './institutions.js';
import { labor } from './labor.js';
import { politics } from './politics.js';
import { reforms } from './reforms.js';
import { security } from './security.js';
import { trade } from './trade.js';
import { values } from './values.js';

export const MODULES: readonly Module[] = [
  demography,
  economy,
  trade,
  labor,
  reforms,
  politics,
  institutions,
  security,
  crises,
  cooperation,
  climate,
  values,
];
