/**
 * `--out <file>`: the rendered pieces go to a file beside it, renamed over `<file>` once all are written, so a
 * failure part-way (a full disk, an error while rendering) leaves no half report where CI looks for one.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import * as path from "node:path";
import { CheckError } from "../engine/errors";

/** An error of the file system (it names a system call), as opposed to one thrown while rendering. */
const isFileSystemError = (e: unknown) =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === "string";

export function writeOut(
  file: string,
  pieces: Iterable<string>,
  redact: (text: string) => string,
): void {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  let fd: number | undefined;
  try {
    fd = openSync(partial, "w");
    for (const piece of pieces) writeSync(fd, redact(piece));
    closeSync(fd);
    fd = undefined;
    renameSync(partial, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
    if (!isFileSystemError(e)) throw e;
    throw new CheckError(`--out ${file}: cannot write the report: ${(e as Error).message}`);
  }
}
