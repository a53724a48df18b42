-- Policy history (engine: policy). Every version ever saved is kept; the highest is in force.
-- The primary key on version makes two concurrent edits of the same version conflict.
CREATE TABLE policy_document (
    version    INTEGER         NOT NULL,
    document   VARCHAR(1048576) NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(255)    NOT NULL,
    CONSTRAINT policy_document_pk PRIMARY KEY (version),
    CONSTRAINT policy_document_version CHECK (version >= 1)
);
