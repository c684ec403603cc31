export { loadScenario, loadScenarioText, checkScenarioFile, checkScenarioText, type LoadedScenario, type ScenarioCheck } from "./loadScenario.js";
export { checkScenarioSource } from "./loadScenarioSource.js";
export { applyOverrides } from "./applyOverrides.js";
export { expandSweep, sweepAxes, applySweepPoint, type SweepAxis, type SweepPoint, type SweepValue } from "./sweep.js";
export { ScenarioError, formatProblem, type ScenarioProblem } from "./ScenarioError.js";
export { compileExpression, compileNumberOrExpression, ExpressionError, FORBIDDEN_FUNCTIONS, type CompiledExpression } from "./expressions.js";
export { listBuiltins, builtinNames, builtinText, loadBuiltin, isBuiltin, type BuiltinInfo } from "./library.js";
export * from "./schema.js";
