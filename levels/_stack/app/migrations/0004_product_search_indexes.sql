-- Search matches name, SKU or brand anywhere in the text (ILIKE '%term%').
-- B-tree indexes cannot serve that; trigram GIN indexes can.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);
CREATE INDEX products_sku_trgm_idx ON products USING gin (sku gin_trgm_ops);
CREATE INDEX products_brand_trgm_idx ON products USING gin (brand gin_trgm_ops);
