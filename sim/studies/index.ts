// Running the built-in studies (issue 9) and writing their folders.
export { runStudy, DEFAULT_STUDY_SEED, type RunStudyOptions, type StudyResult } from "./runStudy.js";
export { STUDY_NAMES, STUDY_DESCRIPTIONS, isStudyName, UnknownStudyError, type StudyName } from "./studyRegistry.js";
export { executeGuaranteeTask, inlineGuaranteeExecutor, type GuaranteeExecutor, type GuaranteeTask } from "./guaranteeExecutor.js";
export { QUICK_GUARANTEE_PARAMS, GRID_COLUMNS, RETENTION_COLUMNS, resolveGuaranteeParams } from "./guaranteesOutputs.js";
export { YUMA_CASES_COLUMNS, type YumaCasesStudyOptions } from "./yumaCasesOutputs.js";
export { parallelGuaranteeExecutor } from "./parallelGuaranteeExecutor.js";
export { guaranteeRunnerModulePath, runTask as runGuaranteeTask } from "./guaranteeRunner.js";
export { rebuildStudyReport, StudyFolderError, type RebuildStudyResult } from "./rebuildStudyReport.js";
export { STUDY_SETTINGS, studySetting, type StudySetting } from "./studySettings.js";
export { STUDY_MANIFEST_FORMAT } from "./studyFiles.js";
