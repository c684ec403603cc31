export { writeFileAtomic, temporaryPath } from "./writeFileAtomic.js";
export { formatCell, formatNumber, CSV_SIGNIFICANT_DIGITS, type CsvCell } from "./formatCell.js";
export { CsvTableWriter, writeCsvAtomic, type CsvRowObject } from "./CsvTableWriter.js";
export { openCsv, readCsvBatches, readCsvRecords, parseQuotedRecord, type CsvTable } from "./openCsv.js";
export { readManifest, normalizeManifest, ManifestMissingError, ManifestFormatError, RUN_MANIFEST_FORMAT, type RunManifest, type ManifestTask } from "./readManifest.js";
