/**
 * A JSON file as one document. `JSON.parse` needs the whole text in one string, and V8 caps a string at about
 * 512 MiB (`buffer.constants.MAX_STRING_LENGTH`): a `pulumi stack export` of some 1,100 workloads of our benchmark
 * fleet is larger. Such a file is parsed as a stream instead (stream-json's parser and assembler), into the same
 * document, slower; smaller files keep the fast path.
 */
import { constants } from "node:buffer";
import { createReadStream, readFileSync, statSync } from "node:fs";

/** The file is not JSON: `message` says where. */
export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";
}

/** The file cannot be read (missing, a folder, no permission). */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
}

export interface JsonFileOptions {
  /** Files of more bytes than this are streamed. @default buffer.constants.MAX_STRING_LENGTH */
  readonly largestString?: number;
}

/** Parses `file`: with `JSON.parse` when its text fits in one string, else streamed. */
export async function readJsonFile(file: string, opts: JsonFileOptions = {}): Promise<unknown> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new FileReadError((e as Error).message);
  }
  // UTF-8 takes at least a byte per character, so a file of at most that many bytes fits in a string.
  if (size <= (opts.largestString ?? constants.MAX_STRING_LENGTH)) return parseText(readText(file));
  return streamedDocument(file);
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new FileReadError((e as Error).message);
  }
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new JsonSyntaxError((e as Error).message);
  }
}

/** Loaded only for such a file: 30 ms of start-up every other check does without. */
async function streamedDocument(file: string): Promise<unknown> {
  const [{ parserStream }, { default: Assembler }] = await Promise.all([
    import("stream-json"),
    import("stream-json/assembler.js"),
  ]);
  return new Promise((resolve, reject) => {
    const source = createReadStream(file);
    const tokens = source.pipe(parserStream());
    const assembler = Assembler.connectTo(tokens);
    source.on("error", (e) => reject(new FileReadError(e.message)));
    tokens.on("error", (e: Error) => {
      source.destroy();
      reject(new JsonSyntaxError(e.message));
    });
    tokens.on("end", () => {
      if (assembler.done) resolve(assembler.current);
      else reject(new JsonSyntaxError("Unexpected end of JSON input"));
    });
  });
}
