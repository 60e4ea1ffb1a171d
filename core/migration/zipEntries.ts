import { once } from "node:events";
import { createReadStream } from "node:fs";
import { PassThrough, type Readable } from "node:stream";
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";

/**
 * Calls `onEntry` for each file in a zip, one after another, with the file's
 * contents as a stream. The zip is read in chunks and each entry inflated as it
 * is read, pausing while the entry being handled has a full buffer, so memory
 * stays flat however large the files inside are.
 */
export async function forEachZipEntry(
  zip: Readable | string,
  onEntry: (name: string, contents: Readable) => Promise<void>,
): Promise<void> {
  const input = typeof zip === "string" ? createReadStream(zip) : zip;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  let active: PassThrough | null = null;
  const unzip = new Unzip((file) => {
    const contents = new PassThrough({ highWaterMark: 1 << 20 });
    active = contents;
    chain = chain.then(async () => {
      if (failure) {
        contents.resume();
        return;
      }
      await onEntry(file.name, contents).catch((error) => {
        failure ??= error;
      });
      contents.resume();
    });
    file.ondata = (error, chunk, final) => {
      if (error) contents.destroy(error);
      else {
        contents.write(chunk);
        if (final) contents.end();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const settled = (p: Promise<unknown>) =>
    p.then(
      () => true,
      () => true,
    );
  for await (const chunk of input) {
    unzip.push(chunk as Uint8Array);
    const current = active as PassThrough | null;
    if (current?.writableNeedDrain && !failure) {
      // Wait for the entry's reader to catch up, or for the chain to finish with it.
      await Promise.race([once(current, "drain"), settled(chain)]);
    }
    if (failure) break;
  }
  if (!failure) unzip.push(new Uint8Array(0), true);
  (active as PassThrough | null)?.end();
  await chain;
  if (failure) throw failure;
}
