import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evidenceFileName } from "../lib/file-name";

export const ATTACHMENT_VIEW_SELECT = {
  id: true,
  fileName: true,
  kind: true,
  mime: true,
  size: true,
  hasThumbnail: true,
  createdAt: true,
  uploader: { select: { name: true } },
} as const satisfies Prisma.AttachmentSelect;

type TRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_VIEW_SELECT }>;
export type TAttachmentView = {
  id: number;
  fileName: string;
  kind: "IMAGE" | "PDF" | "OFFICE";
  mime: string;
  size: number;
  hasThumbnail: boolean;
  createdAt: string;
  uploaderName: string;
};

export function toAttachmentView(a: TRow): TAttachmentView {
  return {
    id: a.id,
    // Rows stored before names were made safe are shown safe too.
    fileName: evidenceFileName(a.fileName, a.mime),
    kind: a.kind,
    mime: a.mime,
    size: a.size,
    hasThumbnail: a.hasThumbnail,
    createdAt: a.createdAt.toISOString(),
    uploaderName: a.uploader.name,
  };
}
