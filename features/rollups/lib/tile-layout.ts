// The national completion view without a geographic map: one square per province, placed roughly
// where the province lies (a "tile grid map"). A map of China published in China needs an approved
// map and its 审图号; a grid of squares is not a map, so it can be shown everywhere by default.

export type TProvinceTile = { code: string; short: string; row: number; col: number };

/** Columns and rows of the grid: 新疆 top left, 黑龙江 top right, 海南 bottom. */
export const TILE_COLS = 8;
export const TILE_ROWS = 8;

// [GB/T 2260 code, short name, row, col]; rows run north → south, columns west → east.
const LAYOUT: readonly [string, string, number, number][] = [
  ["230000", "黑龙江", 0, 7],
  ["650000", "新疆", 1, 0],
  ["150000", "内蒙古", 1, 4],
  ["110000", "北京", 1, 5],
  ["210000", "辽宁", 1, 6],
  ["220000", "吉林", 1, 7],
  ["620000", "甘肃", 2, 2],
  ["640000", "宁夏", 2, 3],
  ["140000", "山西", 2, 4],
  ["130000", "河北", 2, 5],
  ["120000", "天津", 2, 6],
  ["540000", "西藏", 3, 0],
  ["630000", "青海", 3, 1],
  ["610000", "陕西", 3, 3],
  ["410000", "河南", 3, 4],
  ["370000", "山东", 3, 5],
  ["510000", "四川", 4, 2],
  ["500000", "重庆", 4, 3],
  ["420000", "湖北", 4, 4],
  ["340000", "安徽", 4, 5],
  ["320000", "江苏", 4, 6],
  ["310000", "上海", 4, 7],
  ["530000", "云南", 5, 2],
  ["520000", "贵州", 5, 3],
  ["430000", "湖南", 5, 4],
  ["360000", "江西", 5, 5],
  ["330000", "浙江", 5, 6],
  ["450000", "广西", 6, 3],
  ["440000", "广东", 6, 4],
  ["350000", "福建", 6, 5],
  ["460000", "海南", 7, 4],
];

export const PROVINCE_TILES: readonly TProvinceTile[] = LAYOUT.map(([code, short, row, col]) => ({
  code,
  short,
  row,
  col,
}));

/** The tiles with the page's item of each province (matched by region code); null = no such org. */
export function placeTiles<T extends { regionCode: string }>(
  items: readonly T[],
): { tile: TProvinceTile; item: T | null }[] {
  const byCode = new Map(items.map((i) => [i.regionCode, i]));
  return PROVINCE_TILES.map((tile) => ({ tile, item: byCode.get(tile.code) ?? null }));
}
