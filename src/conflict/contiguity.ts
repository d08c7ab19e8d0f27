/** COW contiguity types (1 land; 2-5 water of 12, 24, 150, 400 miles) as the conflict model groups them. */

/** Contiguous in the conflict model's sense: land or at most 150 miles of water (Oneal and Russett 1999). */
export const CONTIGUOUS = [1, 2, 3, 4];
