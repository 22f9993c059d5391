import Link from "next/link";
import { useTranslations } from "next-intl";
import { TASK_LIGHTS, type TTaskLight } from "../lib/light";
import { LightDot } from "./light-badge";

export type TLightHref = (light: TTaskLight) => string;
const KEY = { RED: "red", YELLOW: "yellow", GREEN: "green" } as const;

/**
 * A region's red / yellow / green counts in a completion table cell: dot, count and (for screen
 * readers and tooltips) the light's name; a non-zero count links to those tasks when given a link.
 */
export function LightCounts({
  m,
  href,
}: {
  m: Record<"red" | "yellow" | "green", number>;
  href?: TLightHref;
}) {
  const t = useTranslations("lights");
  return (
    <span
      className="relative inline-flex items-center justify-end gap-2 whitespace-nowrap"
      data-testid="light-counts"
    >
      {TASK_LIGHTS.map((l) => {
        const n = m[KEY[l]];
        const body = (
          <>
            <LightDot light={l} />
            <span className="sr-only">{t(`light.${l}`)}</span>
            {n}
          </>
        );
        return href && n > 0 ? (
          <Link
            key={l}
            href={href(l)}
            title={t("openLight", { light: t(`light.${l}`) })}
            className="inline-flex items-center gap-1 underline decoration-dotted hover:decoration-solid"
            data-light={l}
          >
            {body}
          </Link>
        ) : (
          <span key={l} className="inline-flex items-center gap-1" title={t(`light.${l}`)} data-light={l}>
            {body}
          </span>
        );
      })}
    </span>
  );
}
