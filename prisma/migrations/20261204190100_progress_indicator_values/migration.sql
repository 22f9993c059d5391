-- The indicator values a progress update reported ([{indicatorId, value}], values as decimal strings).
ALTER TABLE "ProgressUpdate" ADD COLUMN "indicatorValues" JSONB;
