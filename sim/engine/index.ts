export * from "./phases.js";
export * from "./events.js";
export * from "./EventQueue.js";
export * from "./runEngine.js";
