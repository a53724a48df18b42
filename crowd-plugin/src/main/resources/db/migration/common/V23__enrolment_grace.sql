-- LOGIN-WEB: logins a user completed by skipping enrolment while the policy's grace lasted.
CREATE TABLE c2fa_enrolment_grace (
  username                  VARCHAR(255) PRIMARY KEY,
  logins_without_enrolment  INT          NOT NULL
);
