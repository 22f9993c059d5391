import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./lib/db/adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed/index.ts",
  },
  adapter: async () => createAdapterFactory(),
});
