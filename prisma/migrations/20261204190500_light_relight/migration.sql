-- The daily relight's marker (issue 14, warning lights): the last China day relit.
CREATE TABLE "LightRelight" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "day" DATE NOT NULL,
    "relitAt" TIMESTAMPTZ(3) NOT NULL,
    "changed" INTEGER NOT NULL,

    CONSTRAINT "LightRelight_pkey" PRIMARY KEY ("id")
);
