/** The migration strings of the en-GB catalogue (kept apart so that each area's strings live together). */
export const migrationEnGB = {} as const;
