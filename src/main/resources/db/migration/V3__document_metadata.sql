-- What staff set of a document's title, organisation, district, region and date: kept until they clear it,
-- also when the document's file is replaced. A NULL column is not set (the document's own value holds).
CREATE TABLE document_metadata (
    document_id  TEXT PRIMARY KEY,
    title        TEXT,
    organisation TEXT,
    district     TEXT,
    region       TEXT,
    stated_date  DATE,
    changed_at   TIMESTAMPTZ NOT NULL
);
