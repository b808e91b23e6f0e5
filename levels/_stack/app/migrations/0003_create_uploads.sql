-- Uploaded files; the bytes live in UPLOAD_DIR under the upload's id.
CREATE TABLE uploads (
  id         uuid PRIMARY KEY,
  filename   text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_created_at_idx ON uploads (created_at);
