export { planTasks, shardTasks, type RunSpec, type PlanOptions, type TaskPlan } from "./planTasks.js";
