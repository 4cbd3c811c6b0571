-- The monthly voortgangsrapportage (issue 16 §2): per programme and month, versions of the report. A version is a
-- draft (the projectleider's introduction, edited with a revision number as its ETag) until approved; approving
-- keeps the summary figures and the rendered documents (.docx and .pdf, both variants) with it, so every approved
-- month stays downloadable as it went out. A correction after approval is a new version; the old one stays.
CREATE TABLE IF NOT EXISTS report_versions (
  programme_id      text NOT NULL,
  month             text NOT NULL,                 -- YYYY-MM, local (programme time zone)
  version           integer NOT NULL CHECK (version >= 1),
  state             text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved')),
  introduction      text NOT NULL DEFAULT '',
  revision          integer NOT NULL DEFAULT 1,    -- bumped on every change; with the version, the ETag
  summary           jsonb,                         -- ReportSummary as approved
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  updated_by        text NOT NULL,                 -- person id, or 'app'
  approved_at       timestamptz,
  approved_by       text,                          -- person id
  approved_by_name  text,                          -- the name printed in the documents' colophon
  PRIMARY KEY (programme_id, month, version)
);

-- The documents of an approved version. `bytes` is NULL after a person named in them was erased (AVG art. 17): the
-- document is then rendered again, with the pseudonym, the next time it is downloaded.
CREATE TABLE IF NOT EXISTS report_documents (
  programme_id  text NOT NULL,
  month         text NOT NULL,
  version       integer NOT NULL,
  variant       text NOT NULL CHECK (variant IN ('regiegroep', 'informed')),
  format        text NOT NULL CHECK (format IN ('docx', 'pdf')),
  bytes         bytea,
  rendered_at   timestamptz NOT NULL,
  PRIMARY KEY (programme_id, month, version, variant, format),
  FOREIGN KEY (programme_id, month, version) REFERENCES report_versions (programme_id, month, version)
);
