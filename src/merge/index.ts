export * from "./types";
export { Merger, createMerger, mergeReports } from "./merger";
export { fingerprintValues } from "./fingerprint";
export { consolidationToJson, type MergeReportJson } from "./json";
export { findOutliers, modifiedZScores, median, OUTLIER_MIN_VALUES, OUTLIER_THRESHOLD } from "./outliers";
export { formatTimeVi, statusLabel } from "./messages";
export { parseRegistry, parseRegistryCsv, parseRegistryJson, RegistryError } from "./registry";
