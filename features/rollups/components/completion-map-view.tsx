import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { approvedMap } from "../server/approved-map";
import type { TProvinceMapItem } from "./charts/province-map-data";
import { CompletionMap } from "./completion-charts";
import { ProvinceTiles } from "./province-tiles";

/**
 * The national 地图 view: the province tiles by default; the geographic map only where the deployment
 * supplies an approved map with its 审图号 (MAP_GEOJSON + MAP_APPROVAL_NO), printed under it.
 */
export async function CompletionMapView({
  items,
  regionTable,
}: {
  items: TProvinceMapItem[];
  regionTable: React.ReactNode;
}) {
  const t = await getTranslations("completion.map");
  const map = approvedMap();
  return (
    <div className="grid gap-4 lg:grid-cols-5">
      <Card className="lg:col-span-3">
        <CardHeader title={t("title")} />
        <div className="p-2 sm:p-4">
          {map ? (
            <>
              <CompletionMap
                items={items}
                labels={{ rate: t("rate"), noData: t("noData"), title: t("title") }}
              />
              <p className="px-2 pt-1 text-xs text-slate-600" data-testid="map-approval">
                {t("approval", { no: map.approvalNo })}
              </p>
            </>
          ) : (
            <ProvinceTiles items={items} />
          )}
        </div>
      </Card>
      <div className="lg:col-span-2">{regionTable}</div>
    </div>
  );
}
