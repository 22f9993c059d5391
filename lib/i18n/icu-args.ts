import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type TFlatMessage = [key: string, message: string];

/** Every message of a catalogue as [dotted key, ICU text]. */
export function flattenMessages(obj: unknown, prefix = ""): TFlatMessage[] {
  if (typeof obj === "string") return [[prefix, obj]];
  return Object.entries(obj as object).flatMap(([k, v]) => flattenMessages(v, prefix ? `${prefix}.${k}` : k));
}

export type TArgUse = { name: string; type: TYPE; options: string[] };

/** The arguments a message uses, nested ones included (inside plural and select branches). */
export function argumentUses(message: string): TArgUse[] {
  const out: TArgUse[] = [];
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal && el.type !== TYPE.tag) {
        const options = "options" in el ? Object.keys(el.options) : [];
        out.push({ name: el.value, type: el.type, options });
      }
      if ("options" in el) for (const o of Object.values(el.options)) walk(o.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return out;
}
