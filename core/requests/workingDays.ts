const dayMs = 86_400_000;

/** Saturday and Sunday are not working days; dates are taken in UTC, which is within an hour of UK time. */
const isWorkingDay = (date: Date) => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;

/**
 * Whole working days from one moment to another: a request asked on Friday
 * afternoon has been waiting one working day on Monday afternoon, not three.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let at = from.getTime() + dayMs; at <= to.getTime(); at += dayMs) {
    if (isWorkingDay(new Date(at))) count++;
  }
  return count;
}
