/**
 * Progress on stderr while a check runs: a spinner and the current phase on a terminal, nothing otherwise
 * (CI logs and pipes stay clean).
 */
import type { CliIO } from "./io";

export interface Progress {
  phase(text: string): void;
  /** Clears the progress line. */
  stop(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const SILENT: Progress = { phase: () => undefined, stop: () => undefined };

export function createProgress(io: CliIO): Progress {
  if (!io.interactive) return SILENT;
  let text = "";
  let frame = 0;
  const draw = () => io.stderr(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length] ?? ""} ${text}`);
  const timer = setInterval(draw, 80);
  timer.unref();
  return {
    phase: (next) => {
      text = next;
      draw();
    },
    stop: () => {
      clearInterval(timer);
      io.stderr("\r\x1b[2K");
    },
  };
}
