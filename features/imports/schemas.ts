import { z } from "zod";
import { zNumberId } from "@/lib/input";

export const ZImportJobRef = z.object({ id: zNumberId });
export type TImportJobRef = z.infer<typeof ZImportJobRef>;

/** The largest upload (the multipart body may add a little): a 100,000-row sheet is about 5 MB. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
