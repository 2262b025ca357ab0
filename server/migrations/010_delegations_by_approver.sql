-- learnledger schema, version 10: delegations found by the approver they stand in for. A worker's
-- scope (who may see and decide on their trainings) reads only their manager's delegations.

CREATE INDEX delegations_by_approver ON delegations(employer_id, approver_id);
