-- Measured values of the programme's indicators (the four K's), one per indicator per day; a second value for
-- the same day corrects the first. Who recorded it is a person id from the programme.
CREATE TABLE IF NOT EXISTS indicator_measurements (
  programme_id  text NOT NULL,
  indicator_id  text NOT NULL,
  measured_on   date NOT NULL,
  value         double precision NOT NULL,
  note          text NOT NULL DEFAULT '',
  recorded_by   text,
  recorded_at   timestamptz NOT NULL,
  PRIMARY KEY (programme_id, indicator_id, measured_on)
);
