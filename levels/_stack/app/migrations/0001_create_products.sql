-- The catalogue.
CREATE TABLE products (
  id          bigserial PRIMARY KEY,
  sku         text NOT NULL,
  name        text NOT NULL,
  brand       text NOT NULL,
  category    text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  stock       integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);
