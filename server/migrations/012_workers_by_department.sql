-- learnledger schema, version 12: workers found by their department. A manager's inbox, team
-- table and worker list read the workers of the departments that concern them, not the employer's.

CREATE INDEX workers_by_department ON workers(employer_id, department_id);
