"use client";
import { z } from "zod";

// Zod 4 probes `new Function("")` before its first object parse to decide whether to compile parsers.
// The CSP allows no eval, so in the browser the probe is refused and reported as a violation (the
// parse then runs without compiling anyway). Telling zod up front avoids the probe. Module scope: it
// runs when the root layout's client bundle loads, before any form validates.
z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
