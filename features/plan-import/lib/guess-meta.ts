// First guesses for a new draft's plan fields, from its title: the importer corrects them.

export type TPlanKind = "CONGRESS_REPORT" | "WORK_POINTS" | "OTHER";

export function guessKind(title: string): TPlanKind {
  if (/工作要点|工作计划|要点/.test(title)) return "WORK_POINTS";
  if (/代表大会|大会报告|工作报告/.test(title)) return "CONGRESS_REPORT";
  return "OTHER";
}

/** A yearly plan naming its year (「2027年工作要点」) runs through that calendar year. */
export function guessPeriod(title: string): { periodStart: string; periodEnd: string } {
  const year = /(20\d\d)\s*年/.exec(title)?.[1];
  return year
    ? { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` }
    : { periodStart: "", periodEnd: "" };
}
