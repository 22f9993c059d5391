/* global process */
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must not be bundled: it loads its WASM/data files relative to its own package.
  // The AWS SDK (evidence in S3) is loaded from node_modules as one copy (Next keeps client-s3 external already).
  // pg-boss (scheduled jobs) is loaded as it ships: an ESM package with its own pg pool and OpenTelemetry hooks.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "bcryptjs",
    "exceljs",
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
    "@aws-sdk/s3-request-presigner",
    "pg-boss",
  ],
  poweredByHeader: false,
  // gzip in the app (read at `next start`): on by default for a single machine; HTTP_COMPRESS=0 where the
  // reverse proxy compresses (DEPLOY.md), which spares every instance the work.
  compress: process.env.HTTP_COMPRESS !== "0",
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // The app needs none of these powerful features; nothing it embeds may ask for them either.
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()",
          },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
