/**
 * Mermaid's own parser, in Node: Mermaid sanitises labels with DOMPurify, which needs a DOM, so a jsdom window is
 * installed as the global one before Mermaid loads. Resolves with the diagram type, rejects with Mermaid's error.
 */
import { JSDOM } from "jsdom";

type Mermaid = { parse: (text: string) => Promise<{ diagramType: string } | false> };

let loaded: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>");
    Object.assign(globalThis, { window, document: window.document });
    const mod = (await import("mermaid")) as unknown as { default: Mermaid };
    return mod.default;
  })();
  return loaded;
}

/** The diagram type Mermaid parsed `text` as; throws Mermaid's parse error when it does not parse. */
export async function parseMermaid(text: string): Promise<string> {
  const result = await (await loadMermaid()).parse(text);
  if (result === false) throw new Error("mermaid refused the diagram");
  return result.diagramType;
}

/** The body of every ```mermaid block in a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}
