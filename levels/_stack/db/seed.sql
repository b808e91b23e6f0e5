-- Seed data, loaded at image build time (after the table migrations, before the
-- index migrations). Deterministic: the same image always has the same rows.
-- pick(n, salt, i): a well-mixed 1-based index into an n-element list.
CREATE FUNCTION pg_temp.pick(n int, salt int, i bigint) RETURNS int
  LANGUAGE sql IMMUTABLE AS $$ SELECT 1 + (hashint8(i * 131 + salt) & 2147483647) % n $$;

INSERT INTO products (sku, name, brand, category, price_cents, stock, created_at)
SELECT
  upper(substr(md5(i::text), 1, 3)) || '-' || lpad(i::text, 7, '0'),
  initcap(adjective[pg_temp.pick(50, 1, i)]) || ' ' || initcap(material[pg_temp.pick(30, 2, i)]) || ' '
    || initcap(noun[pg_temp.pick(60, 3, i)]) || ' ' || (100 + pg_temp.pick(900, 4, i))::text,
  maker[pg_temp.pick(40, 5, i)] || ' ' || suffix[pg_temp.pick(10, 6, i)],
  category[pg_temp.pick(12, 7, i)],
  99 + pg_temp.pick(99000, 8, i),
  pg_temp.pick(500, 9, i) - 1,
  timestamptz '2022-01-01 00:00:00+00' + i * interval '41 seconds'
FROM generate_series(1::bigint, 1200000) AS i,
  (SELECT
    array['sleek','rustic','compact','ergonomic','vintage','durable','portable','deluxe','classic','modern',
          'premium','handmade','foldable','wireless','smart','heavy','light','quiet','rapid','gentle',
          'bold','tiny','giant','silky','rugged','polished','brushed','frosted','glossy','matte',
          'eco','urban','coastal','alpine','desert','arctic','tropical','royal','noble','humble',
          'lucky','sunny','stormy','misty','golden','silver','crimson','azure','emerald','ivory'] AS adjective,
    array['steel','oak','walnut','bamboo','cotton','linen','wool','leather','granite','marble',
          'copper','brass','glass','ceramic','rubber','carbon','titanium','aluminium','maple','cedar',
          'velvet','denim','silk','cork','slate','pine','teak','nylon','canvas','felt'] AS material,
    array['chair','table','lamp','kettle','blender','backpack','jacket','boots','scarf','mug',
          'bottle','speaker','headphones','keyboard','mouse','monitor','desk','shelf','sofa','pillow',
          'blanket','towel','mirror','clock','vase','planter','grill','tent','lantern','compass',
          'helmet','bicycle','skateboard','racket','ball','gloves','watch','wallet','belt','sunglasses',
          'umbrella','suitcase','notebook','pen','stapler','router','charger','cable','drone','camera',
          'tripod','easel','guitar','drum','violin','puzzle','kite','sled','hammock','toaster'] AS noun,
    array['Acme','Globex','Initech','Umbrella','Hooli','Vandelay','Stark','Wayne','Wonka','Tyrell',
          'Cyberdyne','Soylent','Gringotts','Oceanic','Massive','Aperture','Mesa','Monarch','Nakatomi','Pendant',
          'Dunder','Sterling','Bluth','Prestige','Kramerica','Ollivander','Virtucon','Spacely','Cogswell','Duff',
          'Zorg','Weyland','Oscorp','Tessier','Veidt','Yoyodyne','Rekall','Delos','Praxis','Gekko'] AS maker,
    array['Labs','Works','Co','Goods','Supply','Industries','Outfitters','Home','Gear','Studio'] AS suffix,
    array['furniture','kitchen','outdoor','electronics','apparel','office','sports','toys','garden','music',
          'travel','home'] AS category) AS words;

INSERT INTO users (name, email, created_at)
SELECT
  first[pg_temp.pick(20, 11, i)] || ' ' || last[pg_temp.pick(20, 12, i)],
  lower(first[pg_temp.pick(20, 11, i)]) || '.' || lower(last[pg_temp.pick(20, 12, i)]) || i || '@example.com',
  timestamptz '2023-01-01 00:00:00+00' + i * interval '31 minutes'
FROM generate_series(1::bigint, 20000) AS i,
  (SELECT
    array['Ada','Grace','Alan','Linus','Margaret','Ken','Barbara','Dennis','Frances','Edsger',
          'Radia','John','Hedy','Tim','Katherine','Guido','Sophie','Bjarne','Annie','Donald'] AS first,
    array['Lovelace','Hopper','Turing','Torvalds','Hamilton','Thompson','Liskov','Ritchie','Allen','Dijkstra',
          'Perlman','Backus','Lamarr','Berners-Lee','Johnson','Rossum','Wilson','Stroustrup','Easley','Knuth'] AS last) AS words;
