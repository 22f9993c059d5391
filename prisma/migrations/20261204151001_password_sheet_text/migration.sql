-- The sealed 初始密码单 is kept as base64 text: the embedded PGlite adapter cannot write bytea parameters.
ALTER TABLE "ImportPasswordSheet" ALTER COLUMN "ciphertext" SET DATA TYPE TEXT USING encode("ciphertext", 'base64');
