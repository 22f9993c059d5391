-- The records behind each line of a published sheet, frozen at publication
ALTER TABLE "AssessmentScore" ADD COLUMN "refs" JSONB;
