/** Physical constants and unit conversions (not coefficients: nothing here is uncertain). */

/** Mass of carbon per mass of CO2, as the Global Carbon Project converts (12/44). */
export const C_PER_CO2 = 12 / 44;

/** GtC per ppm of atmospheric CO2: mass of the atmosphere 5.1352e18 kg x 12.01 / 28.97 (FaIR v1.6). */
export const GTC_PER_PPM = (5.1352 * 12.01) / 28.97;

/** The years the temperature anomaly is measured against (IPCC AR6 pre-industrial proxy). */
export const ANOMALY_REFERENCE_YEARS = [1850, 1900] as const;
