/**
 * Rows as a CSV file for a spreadsheet: UTF-8 with a byte-order mark and CRLF
 * lines, which is what Excel opens correctly, RFC 4180 quoting, and no field
 * a spreadsheet would run as a formula.
 */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map(csvLine).join("\r\n")}\r\n`;
}

function csvLine(fields: readonly string[]): string {
  return fields
    .map((raw) => {
      // A display name such as "=HYPERLINK(…)" must stay text (OWASP's CSV injection advice).
      const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
      return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(",");
}
