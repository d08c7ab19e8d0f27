/**
 * The modules and the fixed order in which they run each year. A module reads what the modules before it
 * wrote this year and what the modules after it wrote last year:
 *   1. demography  population
 *   2. economy     GDP per capita and GDP, net of last year's damages
 *   3. trade       tariffs, retaliation, the trade equilibrium; real-income losses for next year
 *   4. labor       displacement by offshoring and automation, re-employment, Gini
 *   5. politics    nationalist support, media literacy, elections and stance; what governments do
 *   6. climate     emissions, concentration, warming; damages for next year
 * The full order, as modules land: demography, economy, trade, labor, politics, institutions, security,
 * crises, climate, values, indicators.
 * A new mechanism goes in its own file here, and into this list where its inputs are ready.
 */
import type { Module } from '../module.js';
import { climate } from './climate.js';
import { demography } from './demography.js';
import { economy } from './economy.js';
import { labor } from './labor.js';
import { politics } from './politics.js';
import { trade } from './trade.js';

export const MODULES: readonly Module[] = [demography, economy, trade, labor, politics, climate];
