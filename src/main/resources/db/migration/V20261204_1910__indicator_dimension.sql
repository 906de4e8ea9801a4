-- Every indicator counts in one dimension (network.md: QUALITY … BRAND, CHANNEL by default). The built-in
-- channel catalogue is CHANNEL; a hospital's own indicators existing before this change become CHANNEL too.
ALTER TABLE custom_indicator
    ADD COLUMN dimension varchar(20) NOT NULL DEFAULT 'CHANNEL'
        CHECK (dimension IN ('QUALITY', 'EFFICIENCY', 'SUSTAINABILITY', 'SATISFACTION', 'SOCIAL', 'BRAND', 'CHANNEL'));
