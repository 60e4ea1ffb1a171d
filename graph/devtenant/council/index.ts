export { activityFor } from "./activity";
export { advanceCouncil } from "./advanceCouncil";
export { DEFAULT_TODAY, generateCouncil } from "./generateCouncil";
export type * from "./types";
