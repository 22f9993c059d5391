import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatRate } from "../lib/metrics";
import { rateColour } from "../lib/rate-colour";
import { placeTiles } from "../lib/tile-layout";
import type { TProvinceMapItem } from "./charts/province-map-data";
import { RateLegend } from "./rate-legend";

const TILE =
  "flex h-full w-full flex-col items-center justify-center rounded-sm text-center leading-tight text-slate-900 sm:rounded-md";

/**
 * The national view without a geographic map: one square per province where it roughly lies,
 * coloured by completion rate; each opens the province's page, as a click on the map did.
 */
export function ProvinceTiles({ items }: { items: TProvinceMapItem[] }) {
  const t = useTranslations("completion.map");
  return (
    <div>
      <ul
        aria-label={t("title")}
        data-testid="province-tiles"
        className="mx-auto grid max-w-md grid-cols-8 gap-0.5 sm:gap-1"
      >
        {placeTiles(items).map(({ tile, item }) => {
          const rate = item?.rate ?? null;
          const body = (
            <>
              <span className="text-[11px] font-medium sm:text-sm">{tile.short}</span>
              <span className="text-[9px] tabular-nums sm:text-xs">{formatRate(rate)}</span>
            </>
          );
          return (
            <li
              key={tile.code}
              className="aspect-square"
              style={{ gridRow: tile.row + 1, gridColumn: tile.col + 1 }}
            >
              {item ? (
                <Link
                  href={item.href}
                  aria-label={
                    rate === null
                      ? t("tileNoData", { name: item.name })
                      : t("tile", { name: item.name, rate: formatRate(rate) })
                  }
                  title={item.name}
                  data-testid="province-tile"
                  data-code={tile.code}
                  className={`${TILE} hover:ring-2 hover:ring-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700`}
                  style={{ background: rateColour(rate) }}
                >
                  {body}
                </Link>
              ) : (
                <span
                  role="img"
                  aria-label={t("tileNoOrg", { name: tile.short })}
                  className={`${TILE} text-slate-600`}
                  style={{ background: rateColour(null) }}
                >
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-slate-500">{t("tilesNote")}</p>
      <RateLegend />
    </div>
  );
}
