-- region: the region's own evaluation centre (区域评价中心), a tenant of its own in which the region keeps its
-- schemes for institution types, one institution unit per hospital of the region with their statistics, and runs
-- and publishes the region's institution evaluations with the existing evaluation machinery (docs/region.md). It is
-- not one of the region's hospitals: the region's lists leave it out. At most one per region.
ALTER TABLE hospital ADD COLUMN region_centre boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX hospital_region_centre_idx ON hospital (region_id) WHERE region_centre;
