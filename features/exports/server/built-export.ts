import type { TSheet } from "../lib/sheet";

/** A sheet ready to be written, with what the file name is made of. */
export type TBuiltExport = {
  label: string;
  orgName: string;
  orgCode: string;
  objectiveCode: string | null;
  sheet: TSheet;
};
