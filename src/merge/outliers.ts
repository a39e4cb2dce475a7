/**
 * Median-based outlier test (Iglewicz & Hoaglin's modified z-score).
 *
 *   M_i = 0.6745 · (x_i − median) / MAD,  MAD = median(|x_i − median|)
 *
 * When more than half the values are equal, MAD is 0 (typical for counts: most communes
 * report 0 cases). Then the mean absolute deviation is used instead:
 *   M_i = (x_i − median) / (1.253314 · MeanAD)
 * (the usual fallback; 1.253314 ≈ √(π/2) makes MeanAD comparable with a standard deviation).
 * With a single non-median value that score is always n / 1.25 (≥ 3.99 for 5 values), so the
 * fallback's scale is at least MIN_SCALE: one commune reporting 1 event where the others
 * report 0 is not "unusual", while 20 events or 500 where the others report 5 still are.
 * When both are 0 every value equals the median and nothing is an outlier.
 */
export const OUTLIER_THRESHOLD = 3.5;
export const OUTLIER_MIN_VALUES = 5;
/** Smallest scale of the MeanAD fallback, in the indicator's own unit (events, people, million VND). */
export const MIN_SCALE = 1;

export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface RobustScale {
  median: number;
  /** Scores for the inputs, in input order; 0 when the scale is 0. */
  scores: number[];
}

export function modifiedZScores(values: readonly number[]): RobustScale {
  const sorted = [...values].sort((a, b) => a - b);
  const med = median(sorted);
  const dev = values.map((v) => Math.abs(v - med));
  const mad = median([...dev].sort((a, b) => a - b));
  let scores: number[];
  if (mad > 0) scores = values.map((v) => (0.6745 * (v - med)) / mad);
  else {
    const meanAd = dev.reduce((a, b) => a + b, 0) / (dev.length || 1);
    const scale = Math.max(1.253314 * meanAd, MIN_SCALE);
    scores = meanAd > 0 ? values.map((v) => (v - med) / scale) : values.map(() => 0);
  }
  return { median: med, scores };
}

/** Indexes of the outliers among `values`, with their scores; none with fewer than 5 values. */
export function findOutliers(
  values: readonly number[],
  threshold = OUTLIER_THRESHOLD,
  minValues = OUTLIER_MIN_VALUES
): { index: number; z: number; median: number }[] {
  if (values.length < minValues) return [];
  const { median: med, scores } = modifiedZScores(values);
  const out: { index: number; z: number; median: number }[] = [];
  scores.forEach((z, index) => {
    if (Math.abs(z) > threshold) out.push({ index, z, median: med });
  });
  return out;
}
