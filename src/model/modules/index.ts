/**
 * The modules and the fixed order in which they run each year. A module reads what the modules before it
 * wrote this year and what the modules after it wrote last year:
 *   1. demography  population, plus last year's refugee flows
 *   2. economy     GDP per capita and GDP, net of last year's damages, real-income and war losses
 *   3. trade       tariffs, retaliation, the trade equilibrium; real-income losses for next year
 *   4. labor       displacement by offshoring and automation, re-employment, Gini
 *   5. security    dispute hazards (last year's democracy), wars, their losses, refugees; hotspots
 *   6. climate     emissions, concentration, warming; damages for next year
 *   7. values      democracy (this year's growth and last year's neighbours), population-weighted democracy
 * The design's full order: demography, economy, trade, labor, politics, institutions, security, crises,
 * climate, values, indicators. A new mechanism goes in its own file here, and into this list where its
 * inputs are ready.
 */
import type { Module } from '../module.js';
import { climate } from './climate.js';
import { demography } from './demography.js';
import { economy } from './economy.js';
import { labor } from './labor.js';
import { security } from './security.js';
import { trade } from './trade.js';
import { values } from './values.js';

export const MODULES: readonly Module[] = [demography, economy, trade, labor, security, climate, values];
