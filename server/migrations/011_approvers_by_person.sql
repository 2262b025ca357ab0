-- learnledger schema, version 11: departments found by their manager and delegations by their
-- delegate. Lists of workers or entries read only what concerns the manager who asks.

CREATE INDEX departments_by_manager ON departments(employer_id, manager_id);
CREATE INDEX delegations_by_delegate ON delegations(employer_id, delegate_id);
