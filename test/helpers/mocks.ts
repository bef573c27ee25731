/**
 * Component tests run on Pulumi's mock runtime through the engine's own recorder, so tests and `sovereign check`
 * see the very same registrations. Invokes the canned table cannot answer fail the test.
 */
import * as pulumi from "@pulumi/pulumi";
import { startRecording, type RecordedResource, type Recording } from "../../cli/engine/recorder";
import { cannedOutputs } from "../../cli/engine/canned/outputs";
import { cannedInvoke } from "../../cli/engine/canned/invokes";

export function recordingMocks(
  opts: { stack?: string; project?: string; preview?: boolean } = {},
): Recording {
  return startRecording(
    pulumi,
    { outputs: cannedOutputs, invoke: cannedInvoke },
    {
      project: opts.project ?? "sovereign-deploy",
      stack: opts.stack ?? "test",
      preview: opts.preview ?? false,
    },
  );
}

/** Resolves an Output's value (tests only: reads the internal promise). */
export function unwrap<T>(output: pulumi.Output<T> | pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** Waits until registrations have settled: no new resource for two event-loop turns. */
export async function settle(recording: Recording): Promise<RecordedResource[]> {
  let count = -1;
  while (count !== recording.resources.length) {
    count = recording.resources.length;
    await new Promise((r) => setTimeout(r, 20));
  }
  const unanswered = recording.invokes.filter((i) => !i.answered).map((i) => i.token);
  if (unanswered.length > 0) throw new Error(`unmocked invokes: ${unanswered.join(", ")}`);
  return recording.resources;
}

/** Exact view for assertions: type, name, parent type. */
export function shapeOf(
  resources: readonly RecordedResource[],
): { type: string; name: string; parent: string | undefined }[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  return resources
    .map((r) => ({
      type: r.type,
      name: r.name,
      parent: r.parent ? byUrn.get(r.parent)?.name : undefined,
    }))
    .sort((a, b) => `${a.type}/${a.name}`.localeCompare(`${b.type}/${b.name}`));
}
