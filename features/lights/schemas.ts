import { z } from "zod";
import { DUE_SOON_DAYS_MAX, LAG_POINTS_MAX } from "./lib/light";

// A federation's warning rules (form and action parse with this one schema). Codes: validation.*.
const int = (max: number) =>
  z.coerce
    .number({ message: "settingRange" })
    .int("settingRange")
    .min(0, "settingRange")
    .max(max, "settingRange");

export const ZWarningSetting = z.object({
  dueSoonDays: int(DUE_SOON_DAYS_MAX),
  lagPoints: int(LAG_POINTS_MAX),
});
export type TWarningSettingInput = z.infer<typeof ZWarningSetting>;
