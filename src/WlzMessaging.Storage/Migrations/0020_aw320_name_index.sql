-- Answer names are unique per input (issue 15): a new AW320's name is checked against the names committed before, so
-- that jan.asc and jan.aw319, or one name sent twice with other content, never share one. This index keeps that check one
-- lookup however many answers were written. Not unique: answers written before the check may share a name.
CREATE INDEX aw320_file_name ON aw320 (file_name);
