/** A translator over the whole catalogue (keys like "exports.ledger.status", "tasks.status.COMPLETED"). */
export type TTranslate = (key: string, values?: Record<string, string | number>) => string;
