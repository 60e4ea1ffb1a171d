import type { ApiClient } from "../../api/apiClient";

/**
 * Saves an authenticated export: a plain link cannot carry the bearer token, so
 * the file is fetched and handed to the browser as a download.
 */
export async function downloadCsv(api: ApiClient, path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await api.blob(path));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
