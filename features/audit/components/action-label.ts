type TT = { (key: string): string; has: (key: string) => boolean };

/** The catalogue name of an audit action, or the action's own name when the catalogue has none yet. */
export function actionLabel(t: TT, action: string): string {
  const key = `actions.${action.replace(".", "_")}`;
  return t.has(key) ? t(key) : action;
}
