/** Dates and numbers as the tabs show them, in British English and the viewer's time zone. */
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat("en-GB");

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDay = (iso: string) => day.format(new Date(iso));
export const formatPercent = (fraction: number) => percent.format(fraction);
export const formatNumber = (value: number) => whole.format(value);
