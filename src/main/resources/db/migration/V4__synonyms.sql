-- Staff's list of the organisation's synonyms (Solr format, as written): one row, the same for every instance.
CREATE TABLE synonyms (
    id         INT PRIMARY KEY,
    text       TEXT NOT NULL,
    version    BIGINT NOT NULL
);
